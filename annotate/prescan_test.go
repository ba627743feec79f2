package annotate

import (
	"maps"
	"slices"
	"testing"
)

// TestDeclaredCharset checks the prescan against the HTML standard's, on
// what a pattern over the bytes misreads: a <meta> in a comment or in
// another tag's attribute, a content attribute with no pragma, the first
// of several declarations, labels that the standard reads otherwise.
func TestDeclaredCharset(t *testing.T) {
	for _, c := range []struct{ head, enc, unknown string }{
		{`<meta charset="koi8-r">`, "koi8-r", ""},
		{`<META CHARSET=" KOI8-R ">`, "koi8-r", ""},
		{`<meta/charset=koi8-r>`, "koi8-r", ""},
		{`<meta charset='koi8-r' charset="iso-8859-2">`, "koi8-r", ""},
		{`<meta charset="latin1">`, "windows-1252", ""},
		// Comments, closed by the first "-->", which "<!-->" is.
		{`<!-- <meta charset=koi8-r> --><p>`, "", ""},
		{`<!-- <meta charset=koi8-r> --><meta charset="iso-8859-2">`, "iso-8859-2", ""},
		{`<!--><meta charset=koi8-r>-->`, "koi8-r", ""},
		{`<!-- never closed <meta charset=koi8-r>`, "", ""},
		{`<!doctype html><?php echo 1 ?></x><meta charset=koi8-r>`, "koi8-r", ""},
		// Inside another tag, a <meta> is an attribute's value.
		{`<p title="<meta charset=koi8-r>">`, "", ""},
		{`<metadata charset=koi8-r>`, "", ""},
		// content counts with http-equiv="content-type" alone, anywhere
		// on the same element, and a charset attribute wins over it.
		{`<meta name="description" content="charset=koi8-r"><meta charset="iso-8859-1">`, "windows-1252", ""},
		{`<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">`, "koi8-r", ""},
		{`<meta content="text/html;charset = 'koi8-r'" http-equiv=content-type>`, "koi8-r", ""},
		{`<meta http-equiv="refresh" content="0; charset=koi8-r">`, "", ""},
		{`<meta http-equiv="content-type" content="charset=koi8-r" charset="iso-8859-2">`, "iso-8859-2", ""},
		{`<meta http-equiv="content-type" content="text/html">`, "", ""},
		// A UTF-16 label in the page means UTF-8; x-user-defined means
		// windows-1252 in a <meta>.
		{`<meta charset="utf-16">`, "utf-8", ""},
		{`<meta http-equiv="content-type" content="text/html; charset=UTF-16BE">`, "utf-8", ""},
		{`<meta charset="x-user-defined">`, "windows-1252", ""},
		// A label that names no encoding is stepped over, but named when
		// nothing else is found; one outside a pragma is none.
		{`<meta charset="klingon"><meta charset="koi8-r">`, "koi8-r", ""},
		{`<meta charset="Klingon">`, "", "klingon"},
		{`<meta http-equiv="content-type" content="text/html; charset=klingon">`, "", "klingon"},
		{`<meta content="charset=klingon">`, "", ""},
		{`<meta charset="">`, "", ""},
		// The "replacement" encoding's labels name an encoding: the first
		// wins, as any other's does.
		{`<meta charset="iso-2022-kr"><meta charset="koi8-r">`, "replacement", ""},
		{`<meta http-equiv="content-type" content="text/html; charset=HZ-GB-2312">`, "replacement", ""},
		// An XML declaration at the very start, when no <meta> says.
		{`<?xml version="1.0" encoding="koi8-r"?><p>`, "koi8-r", ""},
		{`<?xml version="1.0" encoding="utf-16"?>`, "utf-8", ""},
		{`<?xml version="1.0" encoding="koi8-r"?><meta charset="iso-8859-2">`, "iso-8859-2", ""},
		{` <?xml version="1.0" encoding="koi8-r"?>`, "", ""},
		// "<?x" in UTF-16 at the very start names UTF-16 before all else
		// ("prescan for UTF-16 XML declarations"); "<?X" does not.
		{"<\x00?\x00x\x00m\x00l\x00", "utf-16le", ""},
		{"\x00<\x00?\x00x\x00m\x00l", "utf-16be", ""},
		{"<\x00?\x00x\x00<\x00m\x00e\x00t\x00a\x00", "utf-16le", ""},
		{"<\x00?\x00X\x00M\x00L\x00", "", ""},
		// The end of what is scanned ends an attribute not read whole.
		{`<meta charset="koi8-r"`, "koi8-r", ""},
		{`<meta charset=koi8-r`, "", ""},
		{`<meta http-equiv="content-type" content="charset=koi8-r`, "", ""},
	} {
		enc, unknown := declaredCharset([]byte(c.head), charsetName)
		if enc != c.enc || unknown != c.unknown {
			t.Errorf("declaredCharset(%q) = %q, %q; want %q, %q", c.head, enc, unknown, c.enc, c.unknown)
		}
	}
}

// FuzzDeclaredCharset checks that the prescan ends on any bytes, and
// returns an encoding that the lookup gave (or one of the two the
// standard puts in place of UTF-16 and x-user-defined, or the UTF-16 of
// an XML declaration in UTF-16), or a label that it looked up and found
// none for.
func FuzzDeclaredCharset(f *testing.F) {
	for _, s := range []string{`<meta charset="koi8-r">`, `<!--><meta http-equiv=content-type content="charset='utf-16'">`,
		`<?xml version="1.0" encoding="koi8-r"?>`, `<p title="<meta charset=x>"></x><meta/charset=klingon`, "\x00<\x00?\x00x"} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, head []byte) {
		looked := map[string]string{}
		lookup := func(label string) string {
			looked[label] = charsetName(label)
			return looked[label]
		}
		enc, unknown := declaredCharset(head, lookup)
		switch {
		case enc != "" && unknown != "":
			t.Errorf("%q: both %q and the unknown %q", head, enc, unknown)
		case enc == "utf-8" || enc == "windows-1252":
		case (enc == "utf-16le" || enc == "utf-16be") && utf16XMLDeclared(head) == enc:
		case enc != "" && !slices.Contains(slices.Collect(maps.Values(looked)), enc):
			t.Errorf("%q: %q, which no lookup gave", head, enc)
		case unknown != "" && charsetName(unknown) != "":
			t.Errorf("%q: the unknown %q names %q", head, unknown, charsetName(unknown))
		}
	})
}
