// Patched (third_party/README.md): seenAttr compares a tag's few keys with
// those before it, and uses z.attrNames only for a tag of many. These tests
// hold it to upstream's rule: the first attribute of each key, in lower case.

package html

import (
	"fmt"
	"math/rand"
	"strings"
	"testing"
)

// firstOfEachKey returns attrs less those whose key, in lower case (A to
// Z only), came before.
func firstOfEachKey(attrs [][2]string) []Attribute {
	seen := map[string]bool{}
	var out []Attribute
	for _, a := range attrs {
		k := string(lower([]byte(a[0])))
		if seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, Attribute{Key: k, Val: a[1]})
	}
	return out
}

func checkAttrs(t *testing.T, attrs [][2]string) {
	t.Helper()
	var b strings.Builder
	b.WriteString("<p")
	for _, a := range attrs {
		fmt.Fprintf(&b, ` %s="%s"`, a[0], a[1])
	}
	b.WriteString(">x</p><br a=1 A=2")
	for i := 0; i < 20; i++ {
		fmt.Fprintf(&b, " k%d=%d", i, i)
	}
	b.WriteString(">")
	z := NewTokenizer(strings.NewReader(b.String()))
	if z.Next() != StartTagToken {
		t.Fatalf("%q: no start tag", b.String())
	}
	got := z.Token().Attr
	want := firstOfEachKey(attrs)
	if len(got) != len(want) {
		t.Fatalf("%q: %d attributes, want %d: %v", b.String(), len(got), len(want), got)
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("%q: attribute %d is %v, want %v", b.String(), i, got[i], want[i])
		}
	}
	// The next tag, of many attributes, starts with none seen.
	z.Next() // x
	z.Next() // </p>
	z.Next() // <br …>
	if br := z.Token(); len(br.Attr) != 21 || br.Attr[0].Val != "1" {
		t.Fatalf("%q: the next tag's attributes are %v", b.String(), br.Attr)
	}
}

func TestAttrFirstOfEachKey(t *testing.T) {
	keys := []string{"a", "A", "b", "class", "Class", "CLASS", "id", "data-x", "data-X", "é", "É", "k\u212a", "kk"}
	rng := rand.New(rand.NewSource(1))
	for n := 0; n <= 40; n++ {
		for round := 0; round < 20; round++ {
			var attrs [][2]string
			for i := 0; i < n; i++ {
				k := keys[rng.Intn(len(keys))]
				if rng.Intn(3) == 0 {
					k = fmt.Sprintf("k%d", rng.Intn(30)) // many distinct keys, for tags past manyAttrs
				}
				attrs = append(attrs, [2]string{k, fmt.Sprint(i)})
			}
			checkAttrs(t, attrs)
		}
	}
}
