package annotate

import (
	"path"
	"strings"

	"golang.org/x/net/html/atom"
)

// isXHTML reports whether an input is XHTML, which browsers read with
// their XML parser: a media type of application/xhtml+xml, or, with none
// declared, a file named .xhtml.
func isXHTML(mediaType, name string) bool {
	return mediaType == "application/xhtml+xml" || mediaType == "" && strings.EqualFold(path.Ext(name), ".xhtml")
}

// expandSelfClosing writes every self-closing tag of an element that is
// not void (<title/>, <script src="…"/>, <a id="x"/>) as a start tag and
// its end tag, as the XML parser reads it. The HTML parser takes such a
// tag for a start tag alone: a <title/> or a <script/> took the rest of
// the page as its text, and the page was refused as having none.
func expandSelfClosing(page string) string {
	var b strings.Builder
	last := 0
	for i := 0; i < len(page); i++ {
		if page[i] != '<' {
			continue
		}
		rest := page[i:]
		switch {
		case strings.HasPrefix(rest, "<!--"):
			if end := strings.Index(rest[4:], "-->"); end >= 0 {
				i += 4 + end + 2
				continue
			}
			i = len(page)
			continue
		case strings.HasPrefix(rest, "<![CDATA["):
			if end := strings.Index(rest, "]]>"); end >= 0 {
				i += end + 2
				continue
			}
			i = len(page)
			continue
		case len(rest) < 2 || !isLetterByte(rest[1]):
			continue
		}
		// A start tag: its name, then its attributes to the '>' outside
		// quotes.
		j := 1
		for j < len(rest) && !isSpaceByte(rest[j]) && rest[j] != '/' && rest[j] != '>' {
			j++
		}
		name := rest[1:j]
		var quote byte
		for ; j < len(rest); j++ {
			c := rest[j]
			if quote != 0 {
				if c == quote {
					quote = 0
				}
				continue
			}
			if c == '"' || c == '\'' {
				quote = c
			} else if c == '>' {
				break
			}
		}
		if j >= len(rest) {
			break
		}
		if rest[j-1] == '/' {
			local := name
			if k := strings.LastIndexByte(local, ':'); k >= 0 {
				local = local[k+1:]
			}
			if !isVoid(atom.Lookup([]byte(strings.ToLower(local)))) {
				b.WriteString(page[last:i])
				b.WriteString(strings.TrimRight(rest[:j-1], " \t\r\n\f"))
				b.WriteString("></" + name + ">")
				last = i + j + 1
			}
		}
		i += j
	}
	if last == 0 {
		return page
	}
	b.WriteString(page[last:])
	return b.String()
}
