package annotate

// This file keeps one rule: the JSON Schema's simple patterns are matched
// by hand, byte for byte as its regular expressions match them. They run
// for every label and annotation of a file, and in the browser the first
// import of a page compiled the expressions (and read the schema for the
// key's) in code that V8 had not compiled yet itself: about 45 ms of a
// profiled 2,000-annotation import, part of it the regexp package's first
// use, which the sanitiser's policy now pays instead (BENCH.md, issue 9's
// eighth pass). TestPatternsByHand and FuzzPatternsByHand hold each
// function to the schema's own expression.

// IsUUID reports whether s is a UUID written 8-4-4-4-12, as the JSON
// Schema's pattern for ids says.
func IsUUID(s string) bool {
	if len(s) != 36 {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch i {
		case 8, 13, 18, 23:
			if c != '-' {
				return false
			}
		default:
			if !isHexDigit(c) {
				return false
			}
		}
	}
	return true
}

// isLabelName reports whether s is a valid label or attribute name:
// `^[a-z][a-z0-9_-]{0,31}$`.
func isLabelName(s string) bool {
	if len(s) < 1 || len(s) > 32 || s[0] < 'a' || s[0] > 'z' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return true
}

// isColor reports whether s is a colour written #rrggbb:
// `^#[0-9a-fA-F]{6}$`.
func isColor(s string) bool {
	if len(s) != 7 || s[0] != '#' {
		return false
	}
	for i := 1; i < len(s); i++ {
		if !isHexDigit(s[i]) {
			return false
		}
	}
	return true
}

// isSHA256Hex reports whether s is a SHA-256 in lower-case hex:
// `^[0-9a-f]{64}$`.
func isSHA256Hex(s string) bool {
	if len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

func isHexDigit(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}
