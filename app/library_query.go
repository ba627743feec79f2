package app

// This file keeps the library's search, status filter and sort in local
// storage, so that the library shown again, after a reload or after the
// article, lists as it was asked to: each showing started again from the
// newest change, with no words and any status.

import (
	"strconv"

	"github.com/newsannotator/annotator/annotate"
	"github.com/newsannotator/annotator/annotate/workspace"
)

// queryKey is where local storage keeps the library's query.
const queryKey = "annotator.library"

// defaultQuery is the library's query until the annotator chooses
// another: every document, the last changed first.
var defaultQuery = workspace.Query{Sort: workspace.SortChanged, Descending: true}

// storedQuery returns the library's query kept in local storage, or
// defaultQuery. A sort or a status this version does not know (kept by
// another, or changed by hand) is the default's.
func storedQuery() workspace.Query {
	q := defaultQuery
	item, ok := localItem(queryKey)
	if !ok {
		return q
	}
	var got workspace.Query
	err := annotate.DecodeRecord([]byte(item), &got, func(r *annotate.RecordReader, q *workspace.Query) {
		r.Object(func(k string) bool {
			switch k {
			case "sort":
				q.Sort = workspace.SortKey(r.String())
			case "descending":
				q.Descending = r.Bool()
			case "status":
				q.Status = workspace.Status(r.String())
			case "words":
				q.Words = r.String()
			default:
				return false
			}
			return true
		})
	})
	if err != nil {
		return q
	}
	switch got.Sort {
	case workspace.SortChanged, workspace.SortAdded, workspace.SortTitle, workspace.SortStatus:
		q.Sort, q.Descending = got.Sort, got.Descending
	}
	if got.Status.Valid() {
		q.Status = got.Status
	}
	q.Words = got.Words
	return q
}

// storeQuery keeps q in local storage.
func storeQuery(q workspace.Query) {
	b := annotate.AppendJSONString([]byte(`{"sort":`), string(q.Sort))
	b = append(b, `,"descending":`...)
	b = strconv.AppendBool(b, q.Descending)
	b = annotate.AppendJSONString(append(b, `,"status":`...), string(q.Status))
	b = annotate.AppendJSONString(append(b, `,"words":`...), q.Words)
	setLocalItem(queryKey, string(append(b, '}')))
}
