package app

import (
	"encoding/json"
	"reflect"
	"testing"
)

// TestInternalURLsOf: the engine's list of internal URLs is what
// json.Unmarshal makes of the handler's, without it or with it.
func TestInternalURLsOf(t *testing.T) {
	for _, s := range []string{"null", "", " null ", "[]", ` [ ] `, `["https://a.example/"]`, `["a","b"]`, `{}`, `nul`, `[1]`} {
		var want []string
		json.Unmarshal([]byte(s), &want)
		if got := internalURLsOf(s); !reflect.DeepEqual(got, want) {
			t.Errorf("internalURLsOf(%q) = %#v; json.Unmarshal gives %#v", s, got, want)
		}
	}
}
