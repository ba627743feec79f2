package annotate

import "testing"

func TestIsLink(t *testing.T) {
	for text, want := range map[string]bool{
		"https://example.com/news/1":       true,
		"  http://example.com/a?b=c#d\n":   true,
		"HTTPS://EXAMPLE.COM":              true,
		"":                                 false,
		"example.com":                      false,
		"https://":                         false,
		"mailto:someone@example.com":       false,
		"See https://example.com for more": false,
		"https://example.com/a\nhttps://example.com": false,
		"The minister said: yes.":                    false,
	} {
		if got := IsLink(text); got != want {
			t.Errorf("IsLink(%q) = %v, want %v", text, got, want)
		}
	}
}
