package annotate

import (
	"os"
	"slices"
	"testing"
)

// startTexts returns the text after each start, up to 12 characters, so that
// failures read as text.
func startTexts(text string, starts []int) []string {
	rs := []rune(text)
	var out []string
	for _, s := range starts {
		out = append(out, string(rs[s:min(len(rs), s+12)]))
	}
	return out
}

func TestSentenceStarts(t *testing.T) {
	cases := []struct {
		name, text string
		want       []string
	}{
		{"plain", "One two. Three four! Five? Six.", []string{"One two. Thr", "Three four! ", "Five? Six.", "Six."}},
		{"abbreviation", "Mr. Starmer met Dr. Who. Then he left.", []string{"Mr. Starmer ", "Then he left"}},
		{"initialism", "The U.S. agreed. So did J. K. Rowling.", []string{"The U.S. agr", "So did J. K."}},
		{"quote closes", `He said "yes we can." Trade is balanced.`, []string{`He said "yes`, "Trade is bal"}},
		{"curly quote opens", "It rose. “We will,” he said.", []string{"It rose. “We", "“We will,” h"}},
		{"lower case goes on", "It cost 2.5 bn. and more.", []string{"It cost 2.5 "}},
		{"decimal", "It is 2.5% from April 2027. Next.", []string{"It is 2.5% f", "Next."}},
		{"digit starts", "Done. 2027 is the year.", []string{"Done. 2027 i", "2027 is the "}},
		{"ellipsis", "Well… Maybe not.", []string{"Well… Maybe ", "Maybe not."}},
		{"three stops", "Well... Maybe. So.", []string{"Well... Mayb", "Maybe. So.", "So."}},
		{"paragraphs", "First one.\n\nSecond one. Third.\nfourth", []string{"First one.\n\n", "Second one. ", "Third.\nfourt", "fourth"}},
		{"lead space and emoji", "😀 Go. 😀 Stop. Now.", []string{"😀 Go. 😀 Stop", "Now."}},
		{"empty", "", nil},
		// Wikipedia's citation marks after a stop; "No." as "number" only
		// before a number; German quotes.
		{"citation", "It was founded in 1990.[18] Māori had names.[a][19] Yes.", []string{"It was found", "Māori had na", "Yes."}},
		{"no", "Is it a cure? No. Is it useful? Yes. It is No. 10 of them.", []string{"Is it a cure", "No. Is it us", "Is it useful", "Yes. It is N", "It is No. 10"}},
		{"she said no", "She said no. The vote failed.", []string{"She said no.", "The vote fai"}},
		{"german quotes", "Er sagte: „Nein.“ Dann ging er. ‚Ja.‘ Gut.", []string{"Er sagte: „N", "Dann ging er", "‚Ja.‘ Gut.", "Gut."}},
		// Scripts without capitals: a letter of no case begins a sentence.
		{"hebrew", "הוא הלך הביתה. היא נשארה! למה?", []string{"הוא הלך הבית", "היא נשארה! ל", "למה?"}},
		{"arabic", "ذهب إلى السوق. هل اشترى خبزا؟ نعم اشترى.", []string{"ذهب إلى السو", "هل اشترى خبز", "نعم اشترى."}},
		{"urdu full stop", "وہ گھر گیا۔ پھر سو گیا۔", []string{"وہ گھر گیا۔ ", "پھر سو گیا۔"}},
		{"devanagari danda", "वह घर गया। फिर सो गया।", []string{"वह घर गया। फ", "फिर सो गया।"}},
		// Chinese and Japanese: no space after a sentence's end.
		{"chinese", "他回家了。她留下了！为什么？因为下雨。", []string{"他回家了。她留下了！为什", "她留下了！为什么？因为下", "为什么？因为下雨。", "因为下雨。"}},
		{"japanese quote", "「行こう。」と彼は言った。雨だった。", []string{"「行こう。」と彼は言った", "と彼は言った。雨だった。", "雨だった。"}},
	}
	for _, c := range cases {
		got := startTexts(c.text, SentenceStarts(c.text))
		if !slices.Equal(got, c.want) {
			t.Errorf("%s: sentences start at %q, want %q", c.name, got, c.want)
		}
	}
}

func TestParagraphStarts(t *testing.T) {
	text := "Title\n\nFirst paragraph.\n\n  \n\nSecond.\nA line.\tcell"
	got := startTexts(text, ParagraphStarts(text))
	want := []string{"Title\n\nFirst", "First paragr", "Second.\nA li", "A line.\tcell"}
	if !slices.Equal(got, want) {
		t.Errorf("paragraphs start at %q, want %q", got, want)
	}
}

func TestNextAndPreviousStart(t *testing.T) {
	starts := []int{0, 10, 20}
	for _, c := range []struct{ pos, next, prev int }{
		{0, 10, 0}, {5, 10, 0}, {10, 20, 0}, {15, 20, 10}, {20, 30, 10}, {25, 30, 20}, {30, 30, 20},
	} {
		if got := NextStart(starts, c.pos, 30); got != c.next {
			t.Errorf("NextStart(%d) = %d, want %d", c.pos, got, c.next)
		}
		if got := PreviousStart(starts, c.pos); got != c.prev {
			t.Errorf("PreviousStart(%d) = %d, want %d", c.pos, got, c.prev)
		}
	}
	if got := NextStart(nil, 3, 7); got != 7 {
		t.Errorf("NextStart with no starts = %d, want the end", got)
	}
}

// TestSentenceStartsOnTheSample checks the rule on the sample article:
// every start begins a sentence that is not empty, and "Mr." never ends
// one.
func TestSentenceStartsOnTheSample(t *testing.T) {
	data, err := os.ReadFile("../app/sample/starmer-trump-white-house.txt")
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Load(data, Source{Name: "sample.txt", MediaType: "text/plain"})
	if err != nil {
		t.Fatal(err)
	}
	text := doc.Text().String()
	starts := SentenceStarts(text)
	if len(starts) < 20 {
		t.Fatalf("only %d sentences in the sample", len(starts))
	}
	rs := []rune(text)
	for i, s := range starts {
		if i > 0 && s <= starts[i-1] {
			t.Fatalf("starts out of order at %d: %v", i, starts[i-1:i+1])
		}
		if s >= 4 && string(rs[s-4:s]) == "Mr. " {
			t.Errorf("a sentence starts after “Mr.”: %q", string(rs[s-4:min(len(rs), s+20)]))
		}
	}
}
