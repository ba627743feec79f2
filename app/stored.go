package app

// This file reads and writes what the app keeps in local storage (the
// session, the scroll position, an earlier version's author name) without
// encoding/json, which go-app's LocalStorage uses: a start reads them, and
// in a new renderer process every function a start runs is compiled
// again, encoding/json's decoder among them for these alone (later.go,
// annotate/record_json.go). Each is read as json.Unmarshal reads it, by
// annotate.DecodeRecord.

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/newsannotator/annotator/annotate"
)

// localItem returns local storage's item key; ok is false when there is
// none, or no local storage (some private windows throw on its use).
func localItem(key string) (item string, ok bool) { return storageItem("localStorage", key) }

// setLocalItem sets local storage's item key, when the browser lets it.
func setLocalItem(key, value string) { setStorageItem("localStorage", key, value) }

// removeLocalItem removes local storage's item key, when the browser lets
// it.
func removeLocalItem(key string) { removeStorageItem("localStorage", key) }

// storageItem returns item key of the window's storage area
// ("localStorage", or "sessionStorage": this tab's alone, kept across its
// reloads); ok is false when there is none, or no such storage.
func storageItem(area, key string) (item string, ok bool) {
	if !app.IsClient {
		return "", false
	}
	defer func() {
		if recover() != nil {
			item, ok = "", false
		}
	}()
	v := app.Window().Get(area).Call("getItem", key)
	if v.Type() != app.TypeString {
		return "", false
	}
	return v.String(), true
}

// setStorageItem sets item key of the storage area, when the browser lets
// it.
func setStorageItem(area, key, value string) {
	if !app.IsClient {
		return
	}
	defer func() { _ = recover() }()
	app.Window().Get(area).Call("setItem", key, value)
}

// removeStorageItem removes item key of the storage area, when the browser
// lets it.
func removeStorageItem(area, key string) {
	if !app.IsClient {
		return
	}
	defer func() { _ = recover() }()
	app.Window().Get(area).Call("removeItem", key)
}

// storedSession returns the session kept in local storage, or none.
func storedSession() session {
	var s session
	if item, ok := localItem(sessionKey); ok {
		_ = annotate.DecodeRecord([]byte(item), &s, func(r *annotate.RecordReader, s *session) {
			r.Object(func(k string) bool {
				switch k {
				case "doc":
					s.Doc = r.String()
				case "selected":
					s.Selected = r.String()
				default:
					return false
				}
				return true
			})
		})
	}
	return s
}

// storeSession keeps s in local storage, as encoding/json writes it.
func storeSession(s session) {
	b := annotate.AppendJSONString([]byte(`{"doc":`), s.Doc)
	if s.Selected != "" {
		b = annotate.AppendJSONString(append(b, `,"selected":`...), s.Selected)
	}
	setLocalItem(sessionKey, string(append(b, '}')))
}

// storedAuthor returns the author's name an earlier version kept in local
// storage, or "".
func storedAuthor() string {
	var name string
	if item, ok := localItem(authorKey); ok {
		_ = annotate.DecodeRecord([]byte(item), &name, func(r *annotate.RecordReader, name *string) { *name = r.String() })
	}
	return name
}

// scrollPosition is what scrollKey holds (web/workspace.js writes it):
// the document shown, how far down its page was scrolled, and the place
// in its text at the top of the article's view (place.go). At is nil in
// what an earlier version wrote, which kept the pixels alone.
type scrollPosition struct {
	Doc string  `json:"doc"`
	Y   float64 `json:"y"`
	At  *int    `json:"at,omitempty"`
	Dy  float64 `json:"dy"`
}

// storedScroll returns the scroll position kept in local storage.
func storedScroll() (scrollPosition, bool) {
	item, ok := localItem(scrollKey)
	if !ok {
		return scrollPosition{}, false
	}
	return decodeScroll(item)
}

// decodeScroll reads a scroll position as web/workspace.js writes it, or
// as an earlier version did (pixels alone).
func decodeScroll(item string) (scrollPosition, bool) {
	var pos scrollPosition
	err := annotate.DecodeRecord([]byte(item), &pos, func(r *annotate.RecordReader, p *scrollPosition) {
		r.Object(func(k string) bool {
			switch k {
			case "doc":
				p.Doc = r.String()
			case "y":
				p.Y = r.Float()
			case "at":
				at := r.Int()
				p.At = &at
			case "dy":
				p.Dy = r.Float()
			default:
				return false
			}
			return true
		})
	})
	return pos, err == nil
}
