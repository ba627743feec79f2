package workspace

// This file decodes the workspace's stored records without reflection, as
// annotate.DecodeRecord does: exactly what json.Unmarshal makes of them,
// or json.Unmarshal itself. A start reads the settings and the open
// document's summary and body, and in a new renderer process every
// function it runs is compiled again (annotate/record_json.go).

import "github.com/newsannotator/annotator/annotate"

// DecodeSummary sets *s from a stored summary's JSON.
func DecodeSummary(data []byte, s *Summary) error {
	return annotate.DecodeRecord(data, s, readSummary)
}

// readSummary reads a summary with r.
func readSummary(r *annotate.RecordReader, s *Summary) {
	r.Object(func(k string) bool {
		switch k {
		case "id":
			s.ID = r.String()
		case "title":
			s.Title = r.String()
		case "site":
			s.Site = r.String()
		case "url":
			s.URL = r.String()
		case "status":
			s.Status = Status(r.String())
		case "added":
			s.Added = r.Time()
		case "changed":
			s.Changed = r.Time()
		case "counts":
			s.Counts = r.Counts()
		case "orphans":
			s.Orphans = r.Int()
		case "version":
			r.Object(func(k string) bool {
				switch k {
				case "editor":
					s.Version.Editor = r.String()
				case "seq":
					s.Version.Seq = r.Int()
				default:
					return false
				}
				return true
			})
		default:
			return false
		}
		return true
	})
}

// DecodeBody sets *b from a stored body's JSON.
func DecodeBody(data []byte, b *Body) error {
	return annotate.DecodeRecord(data, b, readBody)
}

// readBody reads a body with r.
func readBody(r *annotate.RecordReader, b *Body) {
	r.Object(func(k string) bool {
		switch k {
		case "sourceId":
			b.SourceID = r.String()
		case "html":
			b.HTML = r.String()
		case "text":
			b.Text = r.String()
		case "textSha256":
			b.TextSHA256 = r.String()
		case "meta":
			annotate.ReadMeta(r, &b.Meta)
		case "schema":
			annotate.ReadSchema(r, &b.Schema)
		default:
			return false
		}
		return true
	})
}

// DecodeSettings sets *s from the stored settings' JSON.
func DecodeSettings(data []byte, s *Settings) error {
	return annotate.DecodeRecord(data, s, readSettings)
}

// readSettings reads the settings with r.
func readSettings(r *annotate.RecordReader, s *Settings) {
	r.Object(func(k string) bool {
		switch k {
		case "author":
			s.Author = r.String()
		case "schema":
			annotate.ReadSchema(r, &s.Schema)
		default:
			return false
		}
		return true
	})
}
