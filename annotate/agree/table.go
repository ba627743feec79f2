package agree

// This file writes a Report for a terminal: plain-text tables whose
// columns line up (widths count code points, so "—", which stands for a
// figure that does not apply, is one column wide), labels on the left
// and numbers on the right, with three decimals.

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// WriteTable writes the report's figures: the document and annotators,
// one table per pair of annotators (each label, then all labels
// together), and α_u over all annotators.
func (r *Report) WriteTable(w io.Writer) error {
	var b strings.Builder
	title := r.Document.Title
	if title == "" {
		title = r.Document.ID
	}
	fmt.Fprintf(&b, "Document %s: %d code points, %d annotators\n", shown(title), r.Document.Length, len(r.Annotators))
	for _, a := range r.Annotators {
		fmt.Fprintf(&b, "  %s: %s", a.Name, plural(a.Spans, "span"))
		if a.Orphans > 0 {
			fmt.Fprintf(&b, " (and %s, not counted)", plural(a.Orphans, "orphan"))
		}
		if a.Path != "" && a.Path != a.Name {
			fmt.Fprintf(&b, ", %s", a.Path)
		}
		b.WriteByte('\n')
	}
	if said := r.CopiesSaid(); said != "" {
		b.WriteString("  Note: " + said + "\n")
	}
	for _, p := range r.Pairs {
		fmt.Fprintf(&b, "\n%s (reference) and %s\n", p.Reference, p.Other)
		t := table{right: []bool{false, true, true, true, true, true, true, true, true}}
		t.add("label", "spans", "exact P", "exact R", "exact F1", "overlap P", "overlap R", "overlap F1", "kappa")
		row := func(name string, e, o Scores, k Figure) {
			t.add(name, strconv.Itoa(e.Reference)+"/"+strconv.Itoa(e.Other),
				e.Precision.String(), e.Recall.String(), e.F1.String(),
				o.Precision.String(), o.Recall.String(), o.F1.String(), k.String())
		}
		for _, l := range p.Labels {
			row(l.Label, l.Exact, l.Overlap, l.Kappa)
		}
		row("all", p.Exact, p.Overlap, p.Kappa)
		t.write(&b, "  ")
	}
	fmt.Fprintf(&b, "\nKrippendorff's alpha_u, all %d annotators\n", len(r.Annotators))
	t := table{right: []bool{false, true, true, true}}
	t.add("label", "D_o", "D_e", "alpha_u")
	for _, a := range r.Unitizing.Labels {
		t.add(a.Label, a.Observed.String(), a.Expected.String(), a.AlphaU.String())
	}
	t.add("all", r.Unitizing.Observed.String(), r.Unitizing.Expected.String(), r.AlphaU.String())
	t.write(&b, "  ")
	b.WriteString("\n—: does not apply (nothing to divide by). spans: the reference's/the other's.\n" +
		"kappa: per label, over \"the label covers the code point or not\"; all, over the set of labels on each code point.\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// WriteDisagreements writes the disagreements, one to a line, in order of
// place: where, what kind, and each annotator's label and text (shortened
// to about 60 code points).
func (r *Report) WriteDisagreements(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", plural(len(r.Disagreements), "disagreement"))
	t := table{right: []bool{true, false, false, false, false}}
	side := func(name string, s *SpanRef) string {
		if s == nil {
			return name + ": —"
		}
		q := s.Text
		if utf8.RuneCountInString(q) > 60 {
			rs := []rune(q)
			q = string(rs[:30]) + " … " + string(rs[len(rs)-30:])
		}
		q = strings.Join(strings.Fields(q), " ")
		return fmt.Sprintf("%s: %s %d–%d %s", name, s.Label, s.Start, s.End, shown(q))
	}
	for _, d := range r.Disagreements {
		t.add(fmt.Sprintf("%d–%d", d.Start, d.End), string(d.Kind), side(d.Reference, d.ReferenceSpan), "|", side(d.Other, d.OtherSpan))
	}
	t.write(&b, "  ")
	_, err := io.WriteString(w, b.String())
	return err
}

// shown quotes s for the terminal as it reads: between straight quotation
// marks, with only control characters escaped (a joiner inside an emoji,
// a quotation mark inside a quote, stay what they are).
func shown(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	b.WriteByte('"')
	return b.String()
}

func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return strconv.Itoa(n) + " " + what + "s"
}

// table lines up rows of cells.
type table struct {
	rows  [][]string
	right []bool // right-align column k
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

// write writes the rows, each after indent, columns two spaces apart,
// with no space at the end of a line.
func (t *table) write(b *strings.Builder, indent string) {
	var widths []int
	for _, row := range t.rows {
		for k, c := range row {
			if k == len(widths) {
				widths = append(widths, 0)
			}
			widths[k] = max(widths[k], utf8.RuneCountInString(c))
		}
	}
	for _, row := range t.rows {
		var line strings.Builder
		line.WriteString(indent)
		for k, c := range row {
			pad := strings.Repeat(" ", widths[k]-utf8.RuneCountInString(c))
			if k > 0 {
				line.WriteString("  ")
			}
			if k < len(t.right) && t.right[k] {
				line.WriteString(pad + c)
			} else {
				line.WriteString(c + pad)
			}
		}
		b.WriteString(strings.TrimRight(line.String(), " "))
		b.WriteByte('\n')
	}
}
