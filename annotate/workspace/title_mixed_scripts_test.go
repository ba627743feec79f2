package workspace

import (
	"strings"
	"testing"
)

// TestListFindsLatinWordsInsideJapaneseTitles: Japanese and Chinese
// headlines write Latin names and numbers between their characters with
// no space ("新型iPhone発表", "中国GDP增长5%"): the title is one "word", and
// a Latin word searched for was looked for only at its start.
func TestListFindsLatinWordsInsideJapaneseTitles(t *testing.T) {
	docs := []Summary{listed("1", "アップル、新型iPhoneを発表"), listed("2", "中国GDP增长5%"), listed("3", "iPhone sales fall")}
	for q, want := range map[string]int{"iphone": 2, "gdp": 1, "iPhone 発表": 1} {
		if got := List(docs, Query{Words: q}); len(got) != want {
			t.Errorf("%q finds %q, want %d titles", q, titles(got), want)
		}
	}
}

// TestTitleKeyCutsWhereScriptsMeet: the key of a title that mixes
// scripts is still its folded words (what the search folds a query to).
func TestTitleKeyCutsWhereScriptsMeet(t *testing.T) {
	for _, title := range []string{"アップル、新型iPhoneを発表", "中国GDP增长5%", "スーパーマリオ", "第3回iPhone", "ÉLECTIONS中国", "새정부 AI戦略", "iPhone15発売", "Ｇ７サミット"} {
		if got, want := titleKey(title), strings.Join(foldWords(title), " "); got != want {
			t.Errorf("titleKey(%q) = %q, want %q", title, got, want)
		}
	}
}
