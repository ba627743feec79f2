package annotate

// This file keeps a document's text index in a compact binary form, so
// that a stored document opens without parsing its HTML again: on a
// 50,000-word article in the browser, the parse is 90 ms and reading the
// index back a few. The one rule: the index read back is the index the
// parse gives, or it is refused and the HTML is parsed. Its header binds it
// to the flattening rules (indexDataVersion) and to the very HTML and text
// it was made from (their lengths and CRC-32s), its own CRC-32 ends it, and
// every run is checked against the text and its node as it is read.

import (
	"encoding/binary"
	"errors"
	"hash/crc32"
)

// indexDataVersion names the flattening rules an index was made by. Any
// change to canonical.go that changes a text or an index must increase
// it: older indexes are then refused, and their documents parsed.
const indexDataVersion = 1

// indexDataMagic starts every index in this form.
const indexDataMagic = 'X'

// errIndexData: the data is no index of this HTML and text.
var errIndexData = errors.New("the stored index does not fit the document")

// IndexData returns the document's text index in the form FromStored reads
// back (Stored.Index): a few bytes a text node.
func (d *Document) IndexData() []byte {
	x := d.index
	b := make([]byte, 0, 16+4*len(x.nodes)+4*len(x.runs))
	b = append(b, indexDataMagic, indexDataVersion)
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE([]byte(d.HTML)))
	b = binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE([]byte(x.text.String())))
	b = binary.AppendUvarint(b, uint64(len(d.HTML)))
	b = binary.AppendUvarint(b, uint64(x.text.Len()))
	b = binary.AppendUvarint(b, uint64(len(x.nodes)))
	b = binary.AppendUvarint(b, uint64(len(x.runs)))
	end := 0 // where the previous run ended in the text
	for i, ns := range x.nodes {
		b = binary.AppendUvarint(b, uint64(ns.utf16Len))
		b = binary.AppendUvarint(b, uint64(ns.endRun-ns.firstRun))
		// A node's start may lie before the end of the node before: a
		// collapsed space at their seam belongs to the first.
		b = binary.AppendVarint(b, int64(ns.start-end))
		for _, r := range x.runs[ns.firstRun:ns.endRun] {
			// A run is the node's own, or (a collapsed space at the seam)
			// of a node before it.
			b = binary.AppendUvarint(b, uint64(i-r.node))
			b = binary.AppendUvarint(b, uint64(r.cp-end))
			b = binary.AppendUvarint(b, uint64(r.u))
			b = binary.AppendUvarint(b, uint64(r.n))
			b = binary.AppendUvarint(b, uint64(r.w-r.n))
			end = r.cp + r.n
		}
	}
	// Last, the CRC-32 of all before it: a damaged byte anywhere is found.
	return binary.LittleEndian.AppendUint32(b, crc32.ChecksumIEEE(b))
}

// indexFromData reads back an index that IndexData made of a document
// with this HTML and text, or returns errIndexData.
func indexFromData(data []byte, html string, text *Text) (*TextIndex, error) {
	if len(data) < 14 || data[0] != indexDataMagic || data[1] != indexDataVersion {
		return nil, errIndexData
	}
	body := data[:len(data)-4]
	if binary.LittleEndian.Uint32(data[len(body):]) != crc32.ChecksumIEEE(body) {
		return nil, errIndexData
	}
	d := indexReader{b: body[10:]}
	s := text.String()
	if binary.LittleEndian.Uint32(data[2:]) != crc32.ChecksumIEEE([]byte(html)) ||
		binary.LittleEndian.Uint32(data[6:]) != crc32.ChecksumIEEE([]byte(s)) ||
		d.next() != len(html) || d.next() != text.Len() {
		return nil, errIndexData
	}
	nodeCount, runCount := d.next(), d.next()
	// Every node takes at least three bytes and every run five: a count
	// past that is damage, not a reason to allocate.
	if d.bad || nodeCount > len(d.b)/3 || runCount > len(d.b)/5 {
		return nil, errIndexData
	}
	nodes := make([]nodeSpan, nodeCount)
	runs := make([]run, 0, runCount)
	end := 0
	for i := range nodes {
		ns := &nodes[i]
		ns.utf16Len = d.next()
		k := d.next()
		ns.firstRun, ns.endRun = len(runs), len(runs)+k
		if d.bad || k > runCount-len(runs) {
			return nil, errIndexData
		}
		ns.start = end + d.nextSigned()
		for range k {
			r := run{node: i - d.next()}
			r.cp = end + d.next()
			r.u = d.next()
			r.n = d.next()
			r.w = r.n + d.next()
			if d.bad || r.node < 0 || r.n == 0 || r.cp+r.n > text.Len() || r.u+r.w > nodes[r.node].utf16Len ||
				text.UTF16(r.cp+r.n)-text.UTF16(r.cp) != r.w {
				return nil, errIndexData
			}
			runs = append(runs, r)
			end = r.cp + r.n
		}
	}
	if len(runs) != runCount || len(d.b) != 0 {
		return nil, errIndexData
	}
	return newTextIndex(text, nodes, runs), nil
}

// indexReader reads unsigned varints, and remembers a bad one.
type indexReader struct {
	b   []byte
	bad bool
}

// nextSigned returns the next signed varint, as next does.
func (r *indexReader) nextSigned() int {
	v, n := binary.Varint(r.b)
	if n <= 0 || v > 1<<40 || v < -(1<<40) {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}

// next returns the next varint, or 0 and sets bad when there is none or
// it is out of an int's range.
func (r *indexReader) next() int {
	v, n := binary.Uvarint(r.b)
	if n <= 0 || v > 1<<40 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return int(v)
}
