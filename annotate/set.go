package annotate

import (
	"cmp"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/google/uuid"
)

// Errors that the methods of a Set return, wrapped in a message that says
// which annotation or span was refused. Test for them with errors.Is.
var (
	// ErrNotFound: no annotation in the set has the id given.
	ErrNotFound = errors.New("no annotation has that id")
	// ErrDuplicate: an annotation with the same label, start and end is
	// already in the set.
	ErrDuplicate = errors.New("an annotation with the same label and span already exists")
	// ErrEmptySpan: the span has no characters, or nothing but white space.
	ErrEmptySpan = errors.New("the span is empty or only white space")
	// ErrOutOfRange: an offset lies outside [0, length of the text].
	ErrOutOfRange = errors.New("the span is outside the text")
	// ErrUnknownLabel: the label is not in the set's schema.
	ErrUnknownLabel = errors.New("the label is not in the schema")
	// ErrAttribute: the annotation's label does not take the attribute.
	ErrAttribute = errors.New("the label does not take that attribute")
	// ErrAttributeTooLong: the value is longer than AttributeLimit.
	ErrAttributeTooLong = errors.New("the value is too long")
	// ErrInvalidID: an inserted annotation has no id, or the id of an
	// annotation already in the set.
	ErrInvalidID = errors.New("the id is empty or already in use")
	// ErrTextMismatch: the text at an inserted annotation's span is not its
	// exact text.
	ErrTextMismatch = errors.New("the text at the span is not the annotation's exact text")
)

// Set holds the annotations of one document's text, in the stable order of
// their start, then end, then creation time, then ID, and remembers the
// changes made to it so that they can be undone and redone.
//
// Every change checks the annotation against the text and the schema, so a
// Set only ever holds annotations whose Exact is their span of the text,
// whose label is in the schema, and no two of which share label, start and
// end. Spans may overlap and nest.
//
// Finding an annotation by id takes constant time; adding or deleting one
// takes logarithmic time to find its place plus a copy of the pointers
// after it. A Set is not safe for concurrent use.
type Set struct {
	text   *Text
	schema Schema
	labels map[string]Label
	author string
	now    func() time.Time

	// items is in the order of less. Its annotations are never modified:
	// a change replaces one, so that the history can keep both values.
	items []*Annotation
	byID  map[string]*Annotation
	spans map[spanKey]string // the id of the annotation with each label and span
	// perLabel counts the annotations of each label, kept as they come
	// and go, so that a list's counts after a change cost the labels, not
	// the annotations.
	perLabel map[string]int
	// byLabel holds each label's annotations in the order of items, and
	// ends the ends of all of them, in order: kept with items by every
	// change, so that a list of one label (set_listing.go) and the
	// overlaps around a change (set_journal.go) are read with binary
	// searches, not a pass over the whole.
	byLabel map[string][]*Annotation
	ends    []int

	version int
	hist    history

	// touched holds the ids of the annotations that changes, undos and
	// redos have added, replaced or taken out since TakeTouched last ran.
	touched map[string]struct{}
	// journal and journalFrom answer ChangedSince (set_journal.go).
	journal     []journalEntry
	journalFrom int
}

// spanKey is what two annotations may not share.
type spanKey struct {
	label      string
	start, end int
}

func keyOf(a *Annotation) spanKey { return spanKey{a.Label, a.Start, a.End} }

// bulk is how many annotations one step must touch before the Set rebuilds
// its order in one pass rather than moving them one at a time.
const bulk = 16

// NewSet returns an empty set of annotations on text, with labels from
// schema. The schema is copied; the caller should have validated it. A nil
// text counts as the empty text.
func NewSet(text *Text, schema Schema) *Set {
	if text == nil {
		text = NewText("")
	}
	s := &Set{
		text:     text,
		schema:   schema.Clone(),
		labels:   make(map[string]Label, len(schema.Labels)),
		now:      defaultNow,
		byID:     map[string]*Annotation{},
		spans:    map[spanKey]string{},
		perLabel: map[string]int{},
		byLabel:  map[string][]*Annotation{},
		hist:     history{limit: UndoLimit},
	}
	for _, l := range s.schema.Labels {
		s.labels[l.Name] = l
	}
	return s
}

func defaultNow() time.Time { return time.Now().UTC().Truncate(time.Millisecond) }

// SetAuthor sets the author that new annotations are stamped with.
func (s *Set) SetAuthor(name string) { s.author = name }

// SetClock sets the clock that stamps Created and Modified, so that tests
// can fix the time. A nil clock restores the default: time.Now in UTC,
// truncated to milliseconds, as JSON and JavaScript keep it.
func (s *Set) SetClock(now func() time.Time) {
	if now == nil {
		now = defaultNow
	}
	s.now = now
}

// Text returns the text the annotations are on.
func (s *Set) Text() *Text { return s.text }

// Schema returns a copy of the set's schema.
func (s *Set) Schema() Schema { return s.schema.Clone() }

// Len returns the number of annotations in the set.
func (s *Set) Len() int { return len(s.items) }

// Count returns the number of annotations with label.
func (s *Set) Count(label string) int { return s.perLabel[label] }

// Counts returns the number of annotations of each label that has any, in
// a map of the caller's.
func (s *Set) Counts() map[string]int { return maps.Clone(s.perLabel) }

// Version returns a number that changes with every change to the set,
// undo and redo included, so that a user interface can tell when to draw
// the annotations again.
func (s *Set) Version() int { return s.version }

// All returns copies of all the annotations, in the set's stable order.
func (s *Set) All() []Annotation {
	out := make([]Annotation, len(s.items))
	for i, a := range s.items {
		out[i] = a.Clone()
	}
	return out
}

// Snapshot returns the annotations in the set's stable order, as All does,
// but without copying their Attributes maps, which it shares with the set:
// the set never changes a map it holds, and the caller must not either. It
// is for drawing many annotations often, where All's copies would keep the
// garbage collector busy.
func (s *Set) Snapshot() []Annotation {
	out := make([]Annotation, len(s.items))
	for i, a := range s.items {
		out[i] = *a
	}
	return out
}

// Get returns a copy of the annotation with the given id, and whether there
// is one.
func (s *Set) Get(id string) (Annotation, bool) {
	a, ok := s.byID[id]
	if !ok {
		return Annotation{}, false
	}
	return a.Clone(), true
}

// Covering returns copies of the annotations whose span holds code point
// cp (Start <= cp < End), in the set's stable order: those under a click.
func (s *Set) Covering(cp int) []Annotation {
	// Only annotations that start at or before cp can cover it.
	k := sort.Search(len(s.items), func(i int) bool { return s.items[i].Start > cp })
	var out []Annotation
	for _, a := range s.items[:k] {
		if a.End > cp {
			out = append(out, a.Clone())
		}
	}
	return out
}

// Add tags the span [start, end) of the text with label and returns the new
// annotation.
//
// White space at either edge of the span, as unicode.IsSpace defines it
// (line breaks and no-break spaces included), is left out: start moves
// forward and end back. Add refuses a span outside the text, one that is
// empty or only white space, a label not in the schema, and a span that an
// annotation with the same label already has, after trimming.
//
// The annotation gets a new version-7 UUID, the set's author, the current
// time as Created and Modified, its exact text with up to ContextLen code
// points of context on each side, and no attributes.
func (s *Set) Add(label string, start, end int) (Annotation, error) {
	if _, ok := s.labels[label]; !ok {
		return Annotation{}, fmt.Errorf("cannot add %q: %w (%s)", label, ErrUnknownLabel, s.labelNames())
	}
	start, end, err := s.span(start, end)
	if err != nil {
		return Annotation{}, fmt.Errorf("cannot add %s at %w", label, err)
	}
	if other, dup := s.spans[spanKey{label, start, end}]; dup {
		return Annotation{}, fmt.Errorf("cannot add %s at %s: %w (annotation %q)", label, chars(start, end), ErrDuplicate, other)
	}
	id, err := uuid.NewV7()
	if err != nil {
		return Annotation{}, fmt.Errorf("cannot add %s: making an id: %w", label, err)
	}
	now := s.now()
	a := &Annotation{
		ID:         id.String(),
		Label:      label,
		Start:      start,
		End:        end,
		Attributes: map[string]string{},
		Author:     s.author,
		Created:    now,
		Modified:   now,
		Anchor:     AnchorExact,
	}
	s.place(a)
	s.do("add "+label, change{after: a})
	return a.Clone(), nil
}

// Duplicate returns the annotation that Add(label, start, end) would
// duplicate (with label and the span trimmed as Add trims it), and whether
// there is one: the one an annotator meant when tagging a span again.
func (s *Set) Duplicate(label string, start, end int) (Annotation, bool) {
	if s.inRange(start, end) != nil || start >= end {
		return Annotation{}, false
	}
	start, end = trimSpan(s.text, start, end)
	id, ok := s.spans[spanKey{label, start, end}]
	if !ok {
		return Annotation{}, false
	}
	return s.Get(id)
}

// Insert adds a ready-made annotation, such as one read from an export, as
// it is. It refuses an annotation whose id is empty or already in the set,
// whose label is not in the schema, whose span is outside the text or
// empty, whose Exact is not the text of its span, or whose label and span
// another annotation already has. Nothing is recomputed, except that nil
// Attributes become an empty map.
func (s *Set) Insert(a Annotation) error { return s.insertStep("insert "+a.Label, a, change{}) }

// insertStep inserts a as Insert does, as a step called label; orphan
// holds, when a places an orphan, that orphan and its place (see change).
func (s *Set) insertStep(label string, a Annotation, orphan change) error {
	if err := s.insertable(&a, nil); err != nil {
		return err
	}
	b := a.Clone()
	if b.Attributes == nil {
		b.Attributes = map[string]string{}
	}
	orphan.after = &b
	s.do(label, orphan)
	return nil
}

// InsertAll inserts annotations as Insert does, in one step that one undo
// takes back. It returns, in order, the error Insert gives for each
// annotation it refuses, or nil for each it takes; an annotation whose id
// or span one before it in anns took is refused. It sorts once, where one
// Insert after another moves the set's order for each: what a document of
// 2,000 annotations opens with.
func (s *Set) InsertAll(anns []Annotation) []error {
	errs := make([]error, len(anns))
	batch := &insertBatch{ids: make(map[string]bool, len(anns)), spans: make(map[spanKey]string, len(anns))}
	if len(s.items) == 0 {
		// Grown once, not doubled a dozen times over.
		s.byID, s.spans = make(map[string]*Annotation, len(anns)), make(map[spanKey]string, len(anns))
	}
	var changes []change
	for i := range anns {
		a := &anns[i]
		if errs[i] = s.insertable(a, batch); errs[i] != nil {
			continue
		}
		b := a.Clone()
		if b.Attributes == nil {
			b.Attributes = map[string]string{}
		}
		batch.ids[b.ID], batch.spans[keyOf(&b)] = true, b.ID
		changes = append(changes, change{after: &b})
	}
	if len(changes) > 0 {
		s.do(fmt.Sprintf("insert %d annotations", len(changes)), changes...)
	}
	return errs
}

// insertBatch is what InsertAll took so far, besides the set.
type insertBatch struct {
	ids   map[string]bool
	spans map[spanKey]string
}

// insertable returns the error of inserting a, or nil; batch, if not nil,
// holds annotations being inserted with it.
func (s *Set) insertable(a *Annotation, batch *insertBatch) error {
	if a.ID == "" {
		return fmt.Errorf("cannot insert %s at %s: %w", a.Label, chars(a.Start, a.End), ErrInvalidID)
	}
	if _, taken := s.byID[a.ID]; taken || (batch != nil && batch.ids[a.ID]) {
		return fmt.Errorf("cannot insert annotation %q: %w", a.ID, ErrInvalidID)
	}
	if _, ok := s.labels[a.Label]; !ok {
		return fmt.Errorf("cannot insert annotation %q labelled %q: %w (%s)", a.ID, a.Label, ErrUnknownLabel, s.labelNames())
	}
	if err := s.inRange(a.Start, a.End); err != nil {
		return fmt.Errorf("cannot insert annotation %q at %w", a.ID, err)
	}
	if a.Start >= a.End {
		return fmt.Errorf("cannot insert annotation %q at %s: %w", a.ID, chars(a.Start, a.End), ErrEmptySpan)
	}
	if got := s.text.Slice(a.Start, a.End); got != a.Exact {
		return fmt.Errorf("cannot insert annotation %q at %s, which reads %q and not %q: %w",
			a.ID, chars(a.Start, a.End), abbreviate(got), abbreviate(a.Exact), ErrTextMismatch)
	}
	other, dup := s.spans[keyOf(a)]
	if !dup && batch != nil {
		other, dup = batch.spans[keyOf(a)]
	}
	if dup {
		return fmt.Errorf("cannot insert annotation %q, %s at %s: %w (annotation %q)", a.ID, a.Label, chars(a.Start, a.End), ErrDuplicate, other)
	}
	return nil
}

// Relabel gives the annotation with the given id another label. It keeps
// all the attributes, even those the new label does not take, so that
// nothing is lost by relabelling there and back. It refuses a label not in
// the schema and one that would make the annotation a duplicate. Giving an
// annotation the label it has changes nothing and is not recorded.
func (s *Set) Relabel(id, label string) error {
	old, ok := s.byID[id]
	if !ok {
		return fmt.Errorf("cannot relabel annotation %q: %w", id, ErrNotFound)
	}
	if _, ok := s.labels[label]; !ok {
		return fmt.Errorf("cannot relabel annotation %q as %q: %w (%s)", id, label, ErrUnknownLabel, s.labelNames())
	}
	if label == old.Label {
		return nil
	}
	if other, dup := s.spans[spanKey{label, old.Start, old.End}]; dup {
		return fmt.Errorf("cannot relabel annotation %q at %s as %s: %w (annotation %q)", id, chars(old.Start, old.End), label, ErrDuplicate, other)
	}
	a := old.Clone()
	a.Label = label
	a.Modified = s.now()
	s.do("relabel "+old.Label+" as "+label, change{before: old, after: &a})
	return nil
}

// RelabelTaken returns, in the schema's order, the labels that the
// annotation with the given id cannot be relabelled as because another
// annotation of its span has them (Relabel refuses them: ErrDuplicate),
// or nil when there are none or no annotation has that id. A choice of
// labels offers them disabled: stepping through the choice with the
// arrow keys relabels at each step, and a refusal there kept the choice
// on the annotation's own label, short of the labels after it.
func (s *Set) RelabelTaken(id string) []string {
	a, ok := s.byID[id]
	if !ok {
		return nil
	}
	var taken []string
	for _, l := range s.schema.Labels {
		if other, dup := s.spans[spanKey{l.Name, a.Start, a.End}]; dup && other != id {
			taken = append(taken, l.Name)
		}
	}
	return taken
}

// SetAttribute sets the attribute name of the annotation with the given id
// to value, as AttributeValue keeps it (without the white space and the
// characters that show nothing at its edges); an empty value removes the
// attribute, even one that is there with an empty value (which only a
// Set filled by Insert can hold). It refuses an attribute that the
// annotation's label does not take, except to remove one kept from an
// earlier label. Setting the value the attribute has, or removing one
// that is not there, changes nothing and is not recorded. A value longer
// than AttributeLimit is refused, unless it shortens the one there.
func (s *Set) SetAttribute(id, name, value string) error {
	old, ok := s.byID[id]
	if !ok {
		return fmt.Errorf("cannot set %q on annotation %q: %w", name, id, ErrNotFound)
	}
	value = AttributeValue(value)
	cur, has := old.Attributes[name]
	if err := checkAttributeLength(name, value, cur); err != nil {
		return err
	}
	if l := s.labels[old.Label]; !l.Takes(name) && !(value == "" && has) {
		return fmt.Errorf("cannot set %q on %s annotation %q: %w (%s takes %s)",
			name, old.Label, id, ErrAttribute, old.Label, strings.Join(append([]string{AttrNote}, l.Attributes...), ", "))
	}
	if cur == value && (value != "" || !has) {
		return nil
	}
	a := old.Clone()
	if a.Attributes == nil {
		a.Attributes = map[string]string{}
	}
	verb := "set "
	if value == "" {
		delete(a.Attributes, name)
		verb = "clear "
	} else {
		a.Attributes[name] = value
	}
	a.Modified = s.now()
	s.do(verb+name, change{before: old, after: &a})
	return nil
}

// Resize moves the edges of the annotation with the given id to [start,
// end), trimmed and checked as Add does, and takes its exact text and
// context again from the new span. The annotation now stands where the
// user put it, so its Anchor becomes AnchorExact. A span that trims to the
// one the annotation has changes nothing and is not recorded.
func (s *Set) Resize(id string, start, end int) error {
	old, ok := s.byID[id]
	if !ok {
		return fmt.Errorf("cannot resize annotation %q: %w", id, ErrNotFound)
	}
	start, end, err := s.span(start, end)
	if err != nil {
		return fmt.Errorf("cannot resize annotation %q to %w", id, err)
	}
	if start == old.Start && end == old.End {
		return nil
	}
	if other, dup := s.spans[spanKey{old.Label, start, end}]; dup {
		return fmt.Errorf("cannot resize %s annotation %q to %s: %w (annotation %q)", old.Label, id, chars(start, end), ErrDuplicate, other)
	}
	a := old.Clone()
	a.Start, a.End = start, end
	a.Anchor = AnchorExact
	a.Modified = s.now()
	s.place(&a)
	s.do("resize "+a.Label, change{before: old, after: &a})
	return nil
}

// Delete deletes the annotations with the given ids, as one change that
// one Undo restores. If any id is not in the set it deletes none of them.
// An id given twice is deleted once.
func (s *Set) Delete(ids ...string) error {
	var missing []string
	seen := make(map[string]bool, len(ids))
	changes := make([]change, 0, len(ids))
	for _, id := range ids {
		if seen[id] {
			continue
		}
		seen[id] = true
		a, ok := s.byID[id]
		if !ok {
			missing = append(missing, fmt.Sprintf("%q", id))
			continue
		}
		changes = append(changes, change{before: a})
	}
	if len(missing) > 0 {
		if len(missing) > 3 {
			missing = append(missing[:3], fmt.Sprintf("and %d more", len(missing)-3))
		}
		noun := "annotation"
		if len(missing) > 1 {
			noun = "annotations"
		}
		return fmt.Errorf("cannot delete %s %s, so none was deleted: %w", noun, strings.Join(missing, ", "), ErrNotFound)
	}
	// In the set's order, undoing and redoing find them sorted.
	slices.SortFunc(changes, func(x, y change) int { return compare(x.before, y.before) })
	switch len(changes) {
	case 0:
		return nil
	case 1:
		s.do("delete "+changes[0].before.Label, changes...)
	default:
		s.do(fmt.Sprintf("delete %d annotations", len(changes)), changes...)
	}
	return nil
}

// span checks the span [start, end) and trims white space from its edges.
// Its errors read after "at" or "to".
func (s *Set) span(start, end int) (int, int, error) {
	if err := s.inRange(start, end); err != nil {
		return 0, 0, err
	}
	if start >= end {
		return 0, 0, fmt.Errorf("%s: %w", chars(start, end), ErrEmptySpan)
	}
	ts, te := trimSpan(s.text, start, end)
	if ts >= te {
		return 0, 0, fmt.Errorf("%s: %w", chars(start, end), ErrEmptySpan)
	}
	return ts, te, nil
}

// inRange checks that start and end lie in [0, length of the text]. Its
// error reads after "at" or "to".
func (s *Set) inRange(start, end int) error {
	n := s.text.Len()
	if start < 0 || end < 0 || start > n || end > n {
		return fmt.Errorf("%s of a text of %d characters: %w", chars(start, end), n, ErrOutOfRange)
	}
	return nil
}

// Blank reports whether the span [start, end) of text holds nothing but
// white space, a span no Set holds (ErrEmptySpan): a file built by hand
// or by another tool may give one, and what reads it leaves it out.
func Blank(text *Text, start, end int) bool {
	ts, te := trimSpan(text, start, end)
	return ts >= te
}

// trimSpan moves start forward and end back past white space, as
// unicode.IsSpace defines it, and returns start >= end when there is
// nothing else. It is the rule that keeps every span of a Set out of
// white space: those tagged (Add, Resize) and those found again by a
// fuzzy match (Anchor).
func trimSpan(text *Text, start, end int) (int, int) {
	str := text.String()
	b, e := text.Byte(start), text.Byte(end)
	for start < end {
		r, size := utf8.DecodeRuneInString(str[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		b += size
		start++
	}
	for start < end {
		r, size := utf8.DecodeLastRuneInString(str[b:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= size
		end--
	}
	return start, end
}

// place sets a's Exact, Prefix and Suffix from its span of the text.
func (s *Set) place(a *Annotation) { a.Place(s.text, a.Start, a.End) }

// labelNames lists the schema's labels for error messages.
func (s *Set) labelNames() string {
	names := make([]string, len(s.schema.Labels))
	for i, l := range s.schema.Labels {
		names[i] = l.Name
	}
	return "the schema has " + strings.Join(names, ", ")
}

// chars describes a span in an error message.
func chars(start, end int) string { return fmt.Sprintf("characters %d to %d", start, end) }

// abbreviate shortens long text for an error message.
func abbreviate(t string) string {
	const max = 40
	if utf8.RuneCountInString(t) <= max {
		return t
	}
	return string([]rune(t)[:max]) + "…"
}

// apply makes the changes of a step, or undoes them if reverse is set:
// it takes out the annotations the step replaced and puts in those that
// replaced them.
func (s *Set) apply(changes []change, reverse bool) {
	s.touch(changes)
	if len(changes) == 1 {
		from, to := changes[0].before, changes[0].after
		if reverse {
			from, to = to, from
		}
		if from != nil {
			s.removeOne(from)
		}
		if to != nil {
			s.insertOne(to)
		}
		return
	}
	var out, in []*Annotation
	for _, c := range changes {
		from, to := c.before, c.after
		if reverse {
			from, to = to, from
		}
		if from != nil {
			out = append(out, from)
		}
		if to != nil {
			in = append(in, to)
		}
	}
	s.remove(out)
	s.insert(in)
}

// index returns the position of a, which is in the set.
func (s *Set) index(a *Annotation) int {
	i := sort.Search(len(s.items), func(i int) bool { return !less(s.items[i], a) })
	if i == len(s.items) || s.items[i] != a {
		panic("annotate: a Set lost track of annotation " + a.ID)
	}
	return i
}

func (s *Set) removeOne(a *Annotation) {
	i := s.index(a)
	s.items = slices.Delete(s.items, i, i+1)
	l := s.byLabel[a.Label]
	j := sort.Search(len(l), func(i int) bool { return !less(l[i], a) })
	if j == len(l) || l[j] != a {
		panic("annotate: a Set lost track of annotation " + a.ID + " among its label's")
	}
	if l = slices.Delete(l, j, j+1); len(l) > 0 {
		s.byLabel[a.Label] = l
	} else {
		delete(s.byLabel, a.Label)
	}
	k := sort.SearchInts(s.ends, a.End)
	s.ends = slices.Delete(s.ends, k, k+1)
	s.forget(a)
}

func (s *Set) insertOne(a *Annotation) {
	i := sort.Search(len(s.items), func(i int) bool { return less(a, s.items[i]) })
	s.items = slices.Insert(s.items, i, a)
	l := s.byLabel[a.Label]
	j := sort.Search(len(l), func(i int) bool { return less(a, l[i]) })
	s.byLabel[a.Label] = slices.Insert(l, j, a)
	s.ends = slices.Insert(s.ends, sort.SearchInts(s.ends, a.End), a.End)
	s.remember(a)
}

// reindex makes byLabel and ends again from items, in one pass and a sort
// of the ends: after a step that moved many annotations at once.
func (s *Set) reindex() {
	clear(s.byLabel)
	s.ends = s.ends[:0]
	for _, a := range s.items {
		s.byLabel[a.Label] = append(s.byLabel[a.Label], a)
		s.ends = append(s.ends, a.End)
	}
	slices.Sort(s.ends)
}

// remove takes the annotations, which are in the set, out: one at a time
// when they are few, or in one pass over the set, walking it and them in
// order together, when there are many.
func (s *Set) remove(as []*Annotation) {
	if len(as) < bulk {
		for _, a := range as {
			s.removeOne(a)
		}
		return
	}
	as = slices.Clone(as)
	slices.SortFunc(as, compare)
	kept, j := s.items[:0], 0
	for _, a := range s.items {
		if j < len(as) && a == as[j] {
			j++
			s.forget(a)
			continue
		}
		kept = append(kept, a)
	}
	if j != len(as) {
		panic("annotate: a Set lost track of the annotations it was to remove")
	}
	clear(s.items[len(kept):])
	s.items = kept
	s.reindex()
}

// insert puts the annotations in, merging them in one pass when there are
// many.
func (s *Set) insert(as []*Annotation) {
	if len(as) < bulk {
		for _, a := range as {
			s.insertOne(a)
		}
		return
	}
	as = slices.Clone(as)
	slices.SortFunc(as, compare)
	merged := make([]*Annotation, 0, len(s.items)+len(as))
	i, j := 0, 0
	for i < len(s.items) && j < len(as) {
		if less(as[j], s.items[i]) {
			merged = append(merged, as[j])
			j++
		} else {
			merged = append(merged, s.items[i])
			i++
		}
	}
	merged = append(merged, s.items[i:]...)
	merged = append(merged, as[j:]...)
	s.items = merged
	for _, a := range as {
		s.remember(a)
	}
	s.reindex()
}

func (s *Set) remember(a *Annotation) {
	s.byID[a.ID] = a
	s.spans[keyOf(a)] = a.ID
	s.perLabel[a.Label]++
}

func (s *Set) forget(a *Annotation) {
	delete(s.byID, a.ID)
	if k := keyOf(a); s.spans[k] == a.ID {
		delete(s.spans, k)
	}
	if n := s.perLabel[a.Label] - 1; n > 0 {
		s.perLabel[a.Label] = n
	} else {
		delete(s.perLabel, a.Label)
	}
}

// compare is less as a three-way comparison.
func compare(a, b *Annotation) int {
	if c := cmp.Compare(a.Start, b.Start); c != 0 {
		return c
	}
	if c := cmp.Compare(a.End, b.End); c != 0 {
		return c
	}
	if c := a.Created.Compare(b.Created); c != 0 {
		return c
	}
	return strings.Compare(a.ID, b.ID)
}

// touch records the ids of the annotations that changes concern.
func (s *Set) touch(changes []change) {
	if s.touched == nil {
		s.touched = make(map[string]struct{}, len(changes))
	}
	for _, c := range changes {
		if c.before != nil {
			s.touched[c.before.ID] = struct{}{}
			s.record(c.before)
		}
		if c.after != nil {
			s.touched[c.after.ID] = struct{}{}
			s.record(c.after)
		}
	}
}

// TakeTouched returns the ids of the annotations that were added, changed
// or deleted (by a change, an undo or a redo) since it last ran, in no
// particular order, and forgets them. A store that keeps the Set calls it
// to write only what changed: its cost grows with the changes, not with
// the Set. An id may be there although its annotation is as it was (a
// change and its undo); the caller compares.
func (s *Set) TakeTouched() []string {
	ids := make([]string, 0, len(s.touched))
	for id := range s.touched {
		ids = append(ids, id)
	}
	clear(s.touched)
	return ids
}
