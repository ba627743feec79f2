// This file turns JSON Pointers into the places in the file where their
// values start: byte offsets found in one pass over the file, then lines
// and columns (in code points) found in one more. Neither pass goes back
// over what it has read, so the cost is linear in the file's size however
// many places are asked for.

package annotate

import (
	"bytes"
	"encoding/json"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// pointerOffsets returns the byte offset in data, which must be valid
// JSON, at which the value at each of paths starts. A path with no value
// (a missing field) gets the offset of the nearest value that holds it.
// Values that no path leads into are skipped without being decoded.
func pointerOffsets(data []byte, paths []string) map[string]int {
	m := scanOffsets(data, paths)
	for _, p := range paths {
		for q := p; ; q = q[:strings.LastIndexByte(q, '/')] {
			if off, ok := m[q]; ok {
				m[p] = off
				break
			}
			if q == "" {
				m[p] = 0
				break
			}
		}
	}
	return m
}

// scanOffsets returns the byte offset in data, which must be valid JSON,
// at which the value at each of paths, and at each path that leads to
// one, starts; a path with no value is not in the map.
func scanOffsets(data []byte, paths []string) map[string]int {
	// want holds every path and every path that leads to one.
	want := map[string]bool{"": true}
	for _, p := range paths {
		for p != "" && !want[p] {
			want[p] = true
			p = p[:strings.LastIndexByte(p, '/')]
		}
	}
	s := &jsonScan{data: data, want: want, m: make(map[string]int, len(want))}
	s.value()
	return s.m
}

// jsonScan walks valid JSON by hand: much faster than json.Decoder's
// tokens, and it can skip a value without building it. It builds the
// pointer of the value it is at in path, and makes a string of it only
// to record a wanted value's offset in m.
type jsonScan struct {
	data []byte
	i    int
	path []byte          // the JSON Pointer of the value at i
	want map[string]bool // the pointers to walk into
	m    map[string]int  // the offsets of the wanted values
}

func (s *jsonScan) space() { s.i = skipJSONSpace(s.data, s.i) }

// skipJSONSpace returns the offset of the first byte from i in data that
// is not JSON's white space, or len(data).
func skipJSONSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\r', '\n':
			i++
		default:
			return i
		}
	}
	return i
}

// value records the offset of the value at s.path, which is wanted, and
// walks into it.
func (s *jsonScan) value() {
	s.space()
	s.m[string(s.path)] = s.i
	if s.i >= len(s.data) {
		return
	}
	n := len(s.path)
	switch s.data[s.i] {
	case '{':
		s.i++
		for {
			s.space()
			if s.i >= len(s.data) || s.data[s.i] == '}' {
				s.i++
				return
			}
			if s.data[s.i] == ',' {
				s.i++
				continue
			}
			key := s.key()
			s.space()
			s.i++ // the colon
			s.path = appendPointerToken(append(s.path, '/'), key)
			s.child()
			s.path = s.path[:n]
		}
	case '[':
		s.i++
		for k := 0; ; {
			s.space()
			if s.i >= len(s.data) || s.data[s.i] == ']' {
				s.i++
				return
			}
			if s.data[s.i] == ',' {
				s.i++
				continue
			}
			before := s.i
			s.path = strconv.AppendInt(append(s.path, '/'), int64(k), 10)
			s.child()
			s.path = s.path[:n]
			if s.i == before {
				s.i++ // not JSON here: move on rather than stop
			}
			k++
		}
	default:
		s.skip()
	}
}

// child walks into the value at s.path if it is wanted, and skips it if
// not.
func (s *jsonScan) child() {
	if s.want[string(s.path)] {
		s.value()
		return
	}
	s.space()
	s.skip()
}

// key reads an object's key; the bytes are data's when it can.
func (s *jsonScan) key() []byte {
	start := s.i
	s.str()
	raw := s.data[start:min(s.i, len(s.data))]
	if len(raw) >= 2 && !slices.Contains(raw, '\\') {
		return raw[1 : len(raw)-1]
	}
	var k string
	json.Unmarshal(raw, &k)
	return []byte(k)
}

// appendPointerToken appends tok to a JSON Pointer, escaped.
func appendPointerToken(ptr, tok []byte) []byte {
	if !bytes.ContainsAny(tok, "~/") {
		return append(ptr, tok...)
	}
	return append(ptr, escapePointer(string(tok))...)
}

// str moves past the string that starts at s.i.
func (s *jsonScan) str() {
	for s.i++; s.i < len(s.data); s.i++ {
		switch s.data[s.i] {
		case '\\':
			s.i++
		case '"':
			s.i++
			return
		}
	}
}

// skip moves past the value that starts at s.i.
func (s *jsonScan) skip() {
	depth := 0
	for s.i < len(s.data) {
		switch c := s.data[s.i]; c {
		case '"':
			s.str()
			if depth == 0 {
				return
			}
			continue
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return // the end of the value that holds this one
			}
			depth--
			if depth == 0 {
				s.i++
				return
			}
		case ',', ' ', '\t', '\r', '\n', ':':
			if depth == 0 {
				return
			}
		}
		s.i++
	}
}

// lineIndex knows where the lines of a file start.
type lineIndex struct {
	raw   []byte
	base  int   // the length of a byte-order mark, which is not a character
	lines []int // byte offsets in raw at which lines start
}

func newLineIndex(raw []byte, base int) *lineIndex {
	x := &lineIndex{raw: raw, base: base, lines: []int{0}}
	for i, c := range raw {
		if c == '\n' {
			x.lines = append(x.lines, i+1)
		}
	}
	return x
}

// line returns the line, from 1, of byte offset off of the file without
// its byte-order mark.
func (x *lineIndex) line(off int) int {
	off = clamp(off+x.base, 0, len(x.raw))
	return sort.SearchInts(x.lines, off+1)
}

// positions returns the line and the column, both from 1, of each byte
// offset in offs (offsets in the file without its byte-order mark); the
// column counts code points. It counts the code points of each line at
// most once, whatever the number of offsets on it.
func (x *lineIndex) positions(offs []int) (lines, cols []int) {
	order := make([]int, len(offs))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool { return offs[order[a]] < offs[order[b]] })
	lines, cols = make([]int, len(offs)), make([]int, len(offs))
	line, at, col := 0, x.base, 1
	for _, k := range order {
		off := clamp(offs[k]+x.base, x.base, len(x.raw))
		if n := sort.SearchInts(x.lines, off+1) - 1; n != line || off < at {
			line = n
			at, col = max(x.lines[n], x.base), 1
		}
		col += utf8.RuneCount(x.raw[at:max(off, at)])
		at = max(off, at)
		lines[k], cols[k] = line+1, col
	}
	return lines, cols
}

// escapePointer escapes one JSON Pointer reference token.
func escapePointer(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
}

// jsonPointer joins reference tokens into a JSON Pointer.
func jsonPointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(escapePointer(t))
	}
	return b.String()
}
