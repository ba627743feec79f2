package annotate

// This file keeps the one rule by which a file is told to be an export to
// import rather than an article to open: its name or type says JSON, or
// it starts as a JSON object that names a "version" near its top.

import (
	"bytes"
	"path"
	"strings"
)

// IsExport reports whether a file named name, of media type mediaType,
// holding data, is an export to import rather than an article to open.
func IsExport(data []byte, name, mediaType string) bool {
	if strings.EqualFold(path.Ext(name), ".json") || strings.HasPrefix(mediaType, "application/json") {
		return true
	}
	head := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return bytes.HasPrefix(head, []byte("{")) && bytes.Contains(head[:min(len(head), 4096)], []byte(`"version"`))
}
