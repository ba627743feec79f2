// This file reads an export into a fileIn without reflection, for the
// validator's fast path. encoding/json scans the whole file once to find
// its end, then walks fileIn by reflection as it scans it again: for an
// export of 2,000 annotations that took 200 ms of a first import in the
// browser. The one rule: decodeFileIn either gives exactly the fileIn that
// quick's strict json.Decoder gives (DisallowUnknownFields), or says no,
// and quick then asks encoding/json. It says no to anything it is not
// certain of: a key that is not a field's exact name or that comes twice,
// a null, a number that is not a plain integer of at most 18 digits, an
// escaped surrogate, a byte that is not UTF-8, anything that is not JSON.

package annotate

import (
	"encoding/binary"
	"strconv"
	"unicode/utf8"
)

// decodeFileIn reads data, one JSON object and white space around it, as
// the strict decode would; ok is false when it cannot be sure to.
func decodeFileIn(data []byte) (f fileIn, ok bool) {
	f, ok, _ = decodeFileInPlain(data)
	return f, ok
}

// decodeFileInPlain is decodeFileIn that also says, when ok, what
// plainJSON(data) says: data holds no null (decodeFileIn takes none), and
// every key is plain (plainKey), which it looks at as it reads them,
// rather than in a second pass over the whole file.
func decodeFileInPlain(data []byte) (f fileIn, ok, plain bool) {
	d := &fileDecoder{data: data}
	defer func() { plain = ok && !d.notPlain }()
	f, ok = d.file()
	return f, ok, plain
}

// file reads the file's object.
func (d *fileDecoder) file() (f fileIn, ok bool) {
	d.ws()
	if !d.object(func(key string) bool {
		switch key {
		case "version":
			return d.wireInt(&f.Version)
		case "generator":
			return d.str(&f.Generator)
		case "exported":
			return d.strPtr(&f.Exported)
		case "document":
			return d.document(&f.Document)
		case "schema":
			return d.object(func(key string) bool {
				return key == "labels" && d.array(func() bool {
					f.Schema.Labels = append(f.Schema.Labels, labelWire{})
					return d.label(&f.Schema.Labels[len(f.Schema.Labels)-1])
				}, func() { f.Schema.Labels = []labelWire{} })
			})
		case "annotations":
			return d.annotations(&f.Annotations)
		case "orphans":
			return d.annotations(&f.Orphans)
		}
		return false
	}) {
		return fileIn{}, false
	}
	d.ws()
	if d.i != len(d.data) {
		return fileIn{}, false // something after the JSON value
	}
	return f, true
}

// fileDecoder reads JSON from data, from i.
type fileDecoder struct {
	data []byte
	i    int
	buf  []byte // a string's bytes, when it has escapes
	// The last key read, as the file writes it, and whether it is plain
	// ASCII with no escape; and whether a key read so far is not plain
	// as plainKey has it.
	rawKey   []byte
	asciiKey bool
	notPlain bool
}

func (d *fileDecoder) ws() { d.i = skipJSONSpace(d.data, d.i) }

// next skips white space and takes the byte c, if it comes next.
func (d *fileDecoder) next(c byte) bool {
	d.ws()
	if d.i < len(d.data) && d.data[d.i] == c {
		d.i++
		return true
	}
	return false
}

// maxKeys is the most keys an object may have here: more than any of the
// format's objects has, and than an annotation's attributes ever have.
const maxKeys = 64

// object reads an object, calling field for each key (the value is next
// to read); a key twice is refused, as encoding/json keeps the last.
func (d *fileDecoder) object(field func(key string) bool) bool {
	if !d.next('{') {
		return false
	}
	if d.next('}') {
		return true
	}
	var keys [16]string // a handful of keys: a list beats a map
	seen := keys[:0]
	for {
		d.ws()
		start := d.i
		key, ok := d.string()
		end := d.i
		if !ok || !d.next(':') {
			return false
		}
		// A field's key is its exact name, or field says no; but a key
		// with an escape or a byte beyond ASCII is not plain (plainKey),
		// and a map's key may fold to a field's name (attributes checks
		// plainKey on its keys).
		d.rawKey, d.asciiKey = d.data[start+1:end-1], true
		for _, c := range d.rawKey {
			if c == '\\' || c >= utf8.RuneSelf {
				d.asciiKey = false
				break
			}
		}
		if !d.asciiKey && len(d.rawKey) <= 32 {
			d.notPlain = true
		}
		if len(seen) == maxKeys {
			return false // the list would cost time that grows as its square
		}
		for _, k := range seen {
			if k == key {
				return false
			}
		}
		seen = append(seen, key)
		d.ws()
		if !field(key) {
			return false
		}
		if d.next('}') {
			return true
		}
		if !d.next(',') {
			return false
		}
	}
}

// array reads an array, calling elem for each element; empty is called
// for [], which encoding/json makes an empty slice, not nil.
func (d *fileDecoder) array(elem func() bool, empty func()) bool {
	if !d.next('[') {
		return false
	}
	if d.next(']') {
		empty()
		return true
	}
	for {
		d.ws()
		if !elem() {
			return false
		}
		if d.next(']') {
			return true
		}
		if !d.next(',') {
			return false
		}
	}
}

// string reads a string value, at d.i.
func (d *fileDecoder) string() (string, bool) {
	if d.i >= len(d.data) || d.data[d.i] != '"' {
		return "", false
	}
	d.i++
	start := d.i
	// The common case: no escape, so the string is the bytes as they are.
	d.i = plainEnd(d.data, d.i)
	switch {
	case d.i >= len(d.data):
		return "", false
	case d.data[d.i] == '"':
		s := string(d.data[start:d.i])
		d.i++
		return s, true
	case d.data[d.i] == '\\':
		return d.escaped(start)
	}
	return "", false // a control character, or a byte that is not UTF-8
}

// plainEnd returns where the run of data from i that a string holds as it
// is ends: at the first quote, backslash, control character or byte that
// is not UTF-8, or at the end. Runs are copied whole, not byte by byte.
// Plain ASCII is passed over eight bytes at a time (plainWord): an
// export's strings are mostly that, and this loop read every byte of them
// one by one (12 ms of a first import of 2,000 annotations in the
// browser, where the loop had not been compiled well yet).
func plainEnd(data []byte, i int) int {
	for i < len(data) {
		for i+8 <= len(data) && plainWord(binary.LittleEndian.Uint64(data[i:])) {
			i += 8
		}
		if i >= len(data) {
			break
		}
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == '"' || c == '\\' {
				return i
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return i
}

// plainWord reports whether the eight bytes of x are all ASCII and none of
// them a control character (its top three bits 0), a quote or a backslash.
func plainWord(x uint64) bool {
	return x&highBits == 0 && zeroBytes(x&(0xe0*eachByte))|bytesOf(x, '"')|bytesOf(x, '\\') == 0
}

// escaped reads the rest of a string that has an escape at d.i, from its
// first byte at start.
func (d *fileDecoder) escaped(start int) (string, bool) {
	b := append(d.buf[:0], d.data[start:d.i]...)
	for d.i < len(d.data) {
		switch c := d.data[d.i]; {
		case c == '"':
			d.i++
			d.buf = b
			return string(b), true
		case c != '\\':
			return "", false // a control character, or a byte that is not UTF-8
		}
		if d.i+1 >= len(d.data) {
			return "", false
		}
		e := d.data[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			if d.i+4 > len(d.data) {
				return "", false
			}
			r := hex4(d.data[d.i-2 : d.i+4])
			if r < 0 || utf8.RuneLen(rune(r)) < 0 { // not hex, or a surrogate
				return "", false
			}
			b = utf8.AppendRune(b, rune(r))
			d.i += 4
		default:
			return "", false
		}
		end := plainEnd(d.data, d.i)
		b = append(b, d.data[d.i:end]...)
		d.i = end
	}
	return "", false
}

func (d *fileDecoder) str(s *string) bool {
	v, ok := d.string()
	*s = v
	return ok
}

func (d *fileDecoder) strPtr(p **string) bool {
	v, ok := d.string()
	*p = &v
	return ok
}

// wireInt reads a plain integer of at most 18 digits, which wireInt's
// UnmarshalJSON reads as intExact.
func (d *fileDecoder) wireInt(w *wireInt) bool {
	start := d.i
	if d.i < len(d.data) && d.data[d.i] == '-' {
		d.i++
	}
	digits := d.i
	for d.i < len(d.data) && d.data[d.i] >= '0' && d.data[d.i] <= '9' {
		d.i++
	}
	n := d.i - digits
	if n == 0 || n > 18 || (n > 1 && d.data[digits] == '0') {
		return false
	}
	if d.i < len(d.data) {
		switch d.data[d.i] {
		case '.', 'e', 'E':
			return false
		}
	}
	lit := d.data[start:d.i]
	v, err := strconv.Atoi(string(lit))
	if err != nil {
		return false
	}
	*w = wireInt{N: v, Kind: intExact, Neg: v < 0}
	if v < 0 {
		w.Raw = string(lit) // as wireInt's UnmarshalJSON keeps it
	}
	return true
}

func (d *fileDecoder) document(doc *documentIn) bool {
	return d.object(func(key string) bool {
		switch key {
		case "id":
			return d.strPtr(&doc.ID)
		case "title":
			return d.strPtr(&doc.Title)
		case "url":
			return d.strPtr(&doc.URL)
		case "html":
			return d.strPtr(&doc.HTML)
		case "text":
			return d.strPtr(&doc.Text)
		case "textSha256":
			return d.str(&doc.TextSHA256)
		case "offsetUnit":
			return d.str(&doc.OffsetUnit)
		case "meta":
			doc.Meta = &Meta{}
			return d.meta(doc.Meta)
		}
		return false
	})
}

func (d *fileDecoder) meta(m *Meta) bool {
	return d.object(func(key string) bool {
		switch key {
		case "author":
			return d.str(&m.Author)
		case "published":
			return d.str(&m.Published)
		case "siteName":
			return d.str(&m.SiteName)
		case "canonicalUrl":
			return d.str(&m.CanonicalURL)
		case "description":
			return d.str(&m.Description)
		case "lang":
			return d.str(&m.Language)
		case "source":
			return d.str(&m.Source)
		case "mediaType":
			return d.str(&m.MediaType)
		case "charset":
			return d.str(&m.Charset)
		}
		return false
	})
}

func (d *fileDecoder) label(l *labelWire) bool {
	return d.object(func(key string) bool {
		switch key {
		case "name":
			return d.str(&l.Name)
		case "color":
			return d.str(&l.Color)
		case "key":
			return d.str(&l.Key)
		case "description":
			return d.str(&l.Description)
		case "attributes":
			return d.array(func() bool {
				s, ok := d.string()
				l.Attributes = append(l.Attributes, s)
				return ok
			}, func() { l.Attributes = []string{} })
		}
		return false
	})
}

func (d *fileDecoder) annotations(list *[]annotationIn) bool {
	return d.array(func() bool {
		*list = append(*list, annotationIn{})
		return d.annotation(&(*list)[len(*list)-1])
	}, func() { *list = []annotationIn{} })
}

func (d *fileDecoder) annotation(a *annotationIn) bool {
	return d.object(func(key string) bool {
		switch key {
		case "id":
			return d.str(&a.ID)
		case "label":
			return d.str(&a.Label)
		case "start":
			return d.wireInt(&a.Start)
		case "end":
			return d.wireInt(&a.End)
		case "exact":
			return d.str(&a.Exact)
		case "prefix":
			return d.strPtr(&a.Prefix)
		case "suffix":
			return d.strPtr(&a.Suffix)
		case "author":
			return d.strPtr(&a.Author)
		case "created":
			return d.str(&a.Created)
		case "modified":
			return d.str(&a.Modified)
		case "anchor":
			s, ok := d.string()
			a.Anchor = Anchoring(s)
			return ok
		case "attributes":
			a.Attributes = map[string]string{}
			return d.object(func(key string) bool {
				if !plainKey(d.rawKey, d.asciiKey) {
					d.notPlain = true
				}
				v, ok := d.string()
				a.Attributes[key] = v
				return ok
			})
		}
		return false
	})
}

// DecodeStringObject reads data, one JSON object and white space around
// it, whose values are all strings, calling field with each key and its
// value in their order; field returns false to refuse a key. It gives
// exactly the strings encoding/json gives, or says no (false): to a value
// that is not a string (a null too), a key twice, an escaped surrogate, a
// byte that is not UTF-8, anything that is not JSON, and a key field
// refuses. A caller falls back to encoding/json then, as the validator's
// fast path does. It is for readers of many small objects, such as the
// lines of a JSON Lines batch, where encoding/json's reflection took most
// of the reading.
func DecodeStringObject(data []byte, field func(key, value string) bool) bool {
	d := &fileDecoder{data: data}
	d.ws()
	if !d.object(func(key string) bool {
		v, ok := d.string()
		return ok && field(key, v)
	}) {
		return false
	}
	d.ws()
	return d.i == len(d.data)
}
