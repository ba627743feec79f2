package annotate

import (
	"slices"
	"testing"
)

// TestSentenceStartsAtEveryScriptsFullStop: Alt+↓ goes to the next
// sentence "in scripts without capitals" too. Amharic (።), Burmese (။),
// Khmer (។) and Armenian (։) end their sentences with stops of their
// own, and Sanskrit and Hindi verse with the double danda (॥): each is
// a sentence terminal of Unicode (Sentence_Terminal), and each sentence
// after one begins where the reader sees it begin.
func TestSentenceStartsAtEveryScriptsFullStop(t *testing.T) {
	for _, c := range []struct {
		name, text string
		want       []int
	}{
		{"Amharic", "ሰላም ነው። እንዴት ነህ።", []int{0, 8}},
		{"Burmese", "မင်္ဂလာပါ။ နေကောင်းလား။", []int{0, 11}},
		{"Khmer", "សួស្តី។ សុខសប្បាយទេ។", []int{0, 8}},
		{"Armenian", "Բարեւ։ Ինչպես ես։", []int{0, 7}},
		{"Hindi double danda", "राम ने कहा॥ सीता ने सुना।", []int{0, 12}},
	} {
		if got := SentenceStarts(c.text); !slices.Equal(got, c.want) {
			rs := []rune(c.text)
			t.Errorf("%s: sentences begin at %v, want %v (%q)", c.name, got, c.want, string(rs[c.want[1]:]))
		}
	}
}
