package annotate

// This file finds the encoding that a page declares in its first bytes as
// a browser finds it: by the HTML standard's "prescan a byte stream to
// determine its encoding", step for step (its first, UTF-16 XML
// declarations, included), and then "get an XML encoding".
// Comments and the attributes of other tags are stepped over, not read; a
// <meta charset> counts, and a <meta content="…charset=…"> only with
// http-equiv="content-type" on the same element; the first that names an
// encoding wins. A UTF-16 label found in the page means UTF-8 (its bytes,
// read so far as ASCII, are no UTF-16), and in a <meta> x-user-defined
// means windows-1252. A charset that a media type declares is no part of
// this: it is taken as it is given (see decode).

import (
	"bytes"
	"cmp"
	"strings"
)

// declaredCharset returns the WHATWG name of the encoding that the first
// bytes of a page, head, declare, or "" when they declare none. name
// returns the name of the encoding a label names, or "" for none. A label
// that names none is stepped over, as browsers do, but the first one (from
// a charset attribute, or a content attribute in its pragma) is returned
// as unknown when nothing else is found, so that a page that declares
// only an encoding the annotator cannot read is refused in words.
func declaredCharset(head []byte, name func(label string) string) (encName, unknown string) {
	if enc := utf16XMLDeclared(head); enc != "" {
		return enc, ""
	}
	for i := 0; i < len(head); i++ {
		if head[i] != '<' {
			continue
		}
		rest := head[i:]
		switch {
		case bytes.HasPrefix(rest, []byte("<!--")):
			// To the first "-->", whose dashes may be the opening's.
			end := bytes.Index(rest[2:], []byte("-->"))
			if end < 0 {
				return xmlDeclared(head, name, unknown)
			}
			i += 2 + end + 2
		case len(rest) > 5 && asciiLower(string(rest[1:5])) == "meta" && (isSpaceByte(rest[5]) || rest[5] == '/'):
			enc, label, next := prescanMeta(head, i+5, name)
			if enc != "" {
				return enc, ""
			}
			if unknown == "" {
				unknown = label
			}
			i = next
		case len(rest) > 1 && isLetterByte(rest[1]), len(rest) > 2 && rest[1] == '/' && isLetterByte(rest[2]):
			// Another tag: its attributes are read only to be passed over.
			j := i + 1
			for j < len(head) && !isSpaceByte(head[j]) && head[j] != '>' {
				j++
			}
			for ok := true; ok; {
				_, _, j, ok = prescanAttr(head, j)
			}
			i = j
		case len(rest) > 1 && (rest[1] == '!' || rest[1] == '/' || rest[1] == '?'):
			end := bytes.IndexByte(rest[1:], '>')
			if end < 0 {
				return xmlDeclared(head, name, unknown)
			}
			i += 1 + end
		}
	}
	return xmlDeclared(head, name, unknown)
}

// utf16XMLDeclared is the prescan's first step, "prescan for UTF-16 XML
// declarations": a page whose very first bytes are "<?x" in UTF-16 (an
// XML declaration, with no byte-order mark) is UTF-16 of that byte order,
// before anything else it says. It returns "utf-16le", "utf-16be" or "".
func utf16XMLDeclared(head []byte) string {
	switch {
	case bytes.HasPrefix(head, []byte("<\x00?\x00x\x00")):
		return "utf-16le"
	case bytes.HasPrefix(head, []byte("\x00<\x00?\x00x")):
		return "utf-16be"
	}
	return ""
}

// xmlDeclared ends a prescan that found nothing, and had found unknown:
// it returns the encoding that an XML declaration at the very start of
// head names, as "get an XML encoding" reads it (a UTF-16 label meaning
// UTF-8), or "" and the first label that named none.
func xmlDeclared(head []byte, name func(label string) string, unknown string) (string, string) {
	label := xmlEncodingLabel(head)
	if label == "" {
		return "", unknown
	}
	switch enc := name(label); enc {
	case "":
		return "", cmp.Or(unknown, label)
	case "utf-16le", "utf-16be":
		return "utf-8", ""
	default:
		return enc, ""
	}
}

// xmlEncodingLabel returns the encoding="…" label of an XML declaration
// at the very start of head, or "".
func xmlEncodingLabel(head []byte) string {
	if !bytes.HasPrefix(head, []byte("<?xml")) {
		return ""
	}
	end := bytes.IndexByte(head, '>')
	if end < 0 {
		return ""
	}
	decl := head[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return ""
	}
	i += len("encoding")
	for i < len(decl) && decl[i] <= ' ' {
		i++
	}
	if i == len(decl) || decl[i] != '=' {
		return ""
	}
	for i++; i < len(decl) && decl[i] <= ' '; i++ {
	}
	if i == len(decl) || decl[i] != '"' && decl[i] != '\'' {
		return ""
	}
	quote := decl[i]
	label := decl[i+1:]
	end = bytes.IndexByte(label, quote)
	if end < 0 {
		return ""
	}
	label = label[:end]
	for _, c := range label {
		if c <= ' ' {
			return ""
		}
	}
	return string(label)
}

// asciiSpace is the ASCII white space of HTML, for strings.Trim.
const asciiSpace = " \t\n\f\r"

// The states of a meta element's need pragma, in the standard's words.
const (
	pragmaNull = iota
	pragmaNeeded
	pragmaNotNeeded
)

// prescanMeta reads the attributes of a <meta> from head[i:] (just after
// its name) and returns the encoding it declares, or "" and the label it
// declared that names none (or ""), and where the prescan goes on.
func prescanMeta(head []byte, i int, name func(label string) string) (encName, unknown string, next int) {
	var (
		seenEquiv, seenContent, seenCharset bool // the attribute list: only these count
		gotPragma                           bool
		needPragma                          = pragmaNull
		charset                             string // "" is null (needPragma is) or failure
		charsetLabel, contentLabel          string // labels that named no encoding
	)
	for {
		key, value, j, ok := prescanAttr(head, i)
		i = j
		if !ok {
			break
		}
		switch {
		case key == "http-equiv" && !seenEquiv:
			seenEquiv = true
			gotPragma = value == "content-type"
		case key == "content" && !seenContent:
			seenContent = true
			if label, found := contentCharset(value); found && needPragma == pragmaNull {
				if charset = name(label); charset != "" {
					needPragma = pragmaNeeded
				} else {
					contentLabel = label
				}
			}
		case key == "charset" && !seenCharset:
			seenCharset = true
			charset, needPragma = name(value), pragmaNotNeeded
			if charset == "" {
				charsetLabel = strings.Trim(value, asciiSpace)
			}
		}
	}
	switch {
	case needPragma == pragmaNull:
		if gotPragma {
			return "", contentLabel, i
		}
		return "", "", i
	case needPragma == pragmaNeeded && !gotPragma:
		return "", "", i
	case charset == "":
		return "", charsetLabel, i
	case charset == "utf-16le" || charset == "utf-16be":
		return "utf-8", "", i
	case charset == "x-user-defined":
		return "windows-1252", "", i
	}
	return charset, "", i
}

// prescanAttr is the standard's "get an attribute" at head[i:]: the
// attribute's name and value, in lower case, and where the prescan goes
// on; ok is false when there is none, at a '>' or at the end of head
// (where an attribute not read to its end is none either).
func prescanAttr(head []byte, i int) (key, value string, next int, ok bool) {
	for i < len(head) && (isSpaceByte(head[i]) || head[i] == '/') {
		i++
	}
	if i == len(head) || head[i] == '>' {
		return "", "", i, false
	}
	var name, val []byte
	for ; ; i++ {
		if i == len(head) {
			return "", "", i, false
		}
		c := head[i]
		if c == '=' && len(name) > 0 {
			i++
			break
		}
		if isSpaceByte(c) {
			for i < len(head) && isSpaceByte(head[i]) {
				i++
			}
			if i == len(head) {
				return "", "", i, false
			}
			if head[i] != '=' {
				return asciiLower(string(name)), "", i, true
			}
			i++
			break
		}
		if c == '/' || c == '>' {
			return asciiLower(string(name)), "", i, true
		}
		name = append(name, c)
	}
	for i < len(head) && isSpaceByte(head[i]) {
		i++
	}
	if i == len(head) {
		return "", "", i, false
	}
	switch quote := head[i]; quote {
	case '"', '\'':
		for i++; i < len(head); i++ {
			if head[i] == quote {
				return asciiLower(string(name)), asciiLower(string(val)), i + 1, true
			}
			val = append(val, head[i])
		}
		return "", "", i, false
	case '>':
		return asciiLower(string(name)), "", i, true
	}
	for ; i < len(head); i++ {
		if c := head[i]; isSpaceByte(c) || c == '>' {
			return asciiLower(string(name)), asciiLower(string(val)), i, true
		}
		val = append(val, head[i])
	}
	return "", "", i, false
}

// contentCharset is the standard's "extracting a character encoding from
// a meta element": the label after "charset=" in a content attribute's
// value s (already in lower case), and whether there is one.
func contentCharset(s string) (string, bool) {
	for {
		i := strings.Index(s, "charset")
		if i < 0 {
			return "", false
		}
		s = strings.TrimLeft(s[i+len("charset"):], asciiSpace)
		if s != "" && s[0] == '=' {
			s = strings.TrimLeft(s[1:], asciiSpace)
			break
		}
	}
	if s == "" {
		return "", false
	}
	if q := s[0]; q == '"' || q == '\'' {
		end := strings.IndexByte(s[1:], q)
		if end < 0 {
			return "", false
		}
		return s[1 : 1+end], true
	}
	end := len(s)
	for i := 0; i < len(s); i++ {
		if isSpaceByte(s[i]) || s[i] == ';' {
			end = i
			break
		}
	}
	return s[:end], true
}

// isSpaceByte reports whether c is the ASCII white space of HTML.
func isSpaceByte(c byte) bool { return isCollapsible(rune(c)) }

// isLetterByte reports whether c is an ASCII letter.
func isLetterByte(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }
