package workspace

// This file keeps the one rule for the stored layout: a store records the
// version of the layout it was written with, and a workspace opens it only
// after every upgrade from that version to LayoutVersion has run, in
// order, so that a browser that kept a year-old workspace finds it intact
// after the app changed how it stores things.

import (
	"errors"
	"fmt"
)

// LayoutVersion is the version of the stored layout this package writes.
const LayoutVersion = 1

// ErrNewerLayout is the error of a store (or a backup) written by a newer
// version of the annotator than this one.
var ErrNewerLayout = errors.New("it was written by a newer version of the annotator; reload the page to get the newest version, then try again")

// upgradeStep moves a store from layout version from to from+1.
type upgradeStep func(s Store) error

// upgrades holds, by the version it upgrades from, each step to the next
// version. There is none yet: layout 1 is the first.
var upgrades = map[int]upgradeStep{}

// Upgrade brings a store written with layout version from up to
// LayoutVersion, one step at a time, and records the new version after
// each step, so that an upgrade cut short resumes where it stopped.
// A store at LayoutVersion is left as it is; version 0 is a new store,
// which is only stamped. A store from a newer version is refused with
// ErrNewerLayout and not touched.
func Upgrade(s Store, from int) error {
	return upgrade(s, from, LayoutVersion, upgrades)
}

func upgrade(s Store, from, to int, steps map[int]upgradeStep) error {
	switch {
	case from > to:
		return fmt.Errorf("the workspace has layout version %d and this annotator knows up to %d: %w", from, to, ErrNewerLayout)
	case from < 0:
		return fmt.Errorf("the workspace has layout version %d, which no annotator writes: %w", from, ErrRecord)
	case from == 0:
		return s.SetLayout(to)
	}
	for v := from; v < to; v++ {
		step, ok := steps[v]
		if !ok {
			return fmt.Errorf("no upgrade from layout version %d to %d: %w", v, v+1, ErrRecord)
		}
		if err := step(s); err != nil {
			return fmt.Errorf("upgrading the workspace from layout version %d to %d: %w", v, v+1, err)
		}
		if err := s.SetLayout(v + 1); err != nil {
			return err
		}
	}
	return nil
}
