// This file turns a JSON Pointer into the place in the file where its
// value starts: a byte offset, then a line and a column in code points.

package annotate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// lineOf returns " (line N)" for the value at path, for messages that
// point at a second place.
func (v *fileValidator) lineOf(path string) string {
	line, _ := v.position(v.offsetOf(path))
	return fmt.Sprintf(" (line %d)", line)
}

// offsetOf returns the byte offset in data at which the value at path
// starts, or that of the nearest value that contains it.
func (v *fileValidator) offsetOf(path string) int {
	if v.offsets == nil {
		v.offsets = pointerOffsets(v.data)
	}
	for {
		if off, ok := v.offsets[path]; ok {
			return off
		}
		i := strings.LastIndexByte(path, '/')
		if i < 0 {
			return v.offsets[""]
		}
		path = path[:i]
	}
}

// position returns the line and column, from 1, of byte offset off of
// data. The column counts code points.
func (v *fileValidator) position(off int) (line, col int) {
	off += v.base
	off = clamp(off, 0, len(v.raw))
	if v.lines == nil {
		v.lines = []int{0}
		for i, c := range v.raw {
			if c == '\n' {
				v.lines = append(v.lines, i+1)
			}
		}
	}
	k := sort.SearchInts(v.lines, off+1) - 1
	start := v.lines[k]
	if k == 0 {
		start += v.base // the byte-order mark is not a character
		off = max(off, start)
	}
	return k + 1, utf8.RuneCount(v.raw[start:off]) + 1
}

// pointerOffsets maps the JSON Pointer of every value in data, which must
// be valid JSON, to the byte offset at which the value starts.
func pointerOffsets(data []byte) map[string]int {
	m := map[string]int{}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	skip := func() int {
		off := int(dec.InputOffset())
		for off < len(data) {
			switch data[off] {
			case ' ', '\t', '\r', '\n', ':', ',':
				off++
				continue
			}
			break
		}
		return off
	}
	var walk func(ptr string) error
	walk = func(ptr string) error {
		m[ptr] = skip()
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		switch tok {
		case json.Delim('{'):
			for dec.More() {
				key, err := dec.Token()
				if err != nil {
					return err
				}
				k, _ := key.(string)
				if err := walk(ptr + "/" + escapePointer(k)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		case json.Delim('['):
			for i := 0; dec.More(); i++ {
				if err := walk(ptr + "/" + strconv.Itoa(i)); err != nil {
					return err
				}
			}
			_, err = dec.Token()
			return err
		}
		return nil
	}
	if err := walk(""); err != nil && err != io.EOF {
		// The map holds what was read before the error.
		return m
	}
	return m
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

// escapePointer escapes one JSON Pointer reference token.
func escapePointer(tok string) string {
	if !strings.ContainsAny(tok, "~/") {
		return tok
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(tok)
}
