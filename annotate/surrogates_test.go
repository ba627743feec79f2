package annotate

import (
	"encoding/json"
	"strings"
	"testing"
)

// TestLoneSurrogates counts what json.Unmarshal makes U+FFFD of, and
// nothing else: pairs, escaped backslashes, other escapes.
func TestLoneSurrogates(t *testing.T) {
	for data, want := range map[string]int{
		`"plain"`:                     0,
		`"\ud83d\ude00"`:              0, // 😀, a pair
		`"\uD83D\uDE00"`:              0,
		`"\ud800"`:                    1,
		`"\udc00"`:                    1,
		`"\ud800\ud800"`:              2,
		`"\ude00\ud83d"`:              2,
		`"\ud83d x \ude00"`:           2,
		`"\\ud800"`:                   0, // a backslash, then the letters
		`"\\\ud800"`:                  1,
		`"\u00e9\n\t\u2028"`:          0,
		`{"a":"\ud800","b":"\udfff"}`: 2,
		`"\ud800\u0041"`:              1,
		`"\ud800\`:                    1,
		`"\u12"`:                      0,
	} {
		if got := LoneSurrogates([]byte(data)); got != want {
			t.Errorf("LoneSurrogates(%s) = %d, want %d", data, got, want)
		}
		// What json.Unmarshal replaced agrees, where data is JSON.
		var v any
		if json.Unmarshal([]byte(data), &v) == nil {
			b, _ := json.Marshal(v)
			if got := strings.Count(string(b), "\ufffd"); got != want {
				t.Errorf("json.Unmarshal(%s) made %d U+FFFD, LoneSurrogates says %d", data, got, want)
			}
		}
	}
}
