package workspace_test

// This file runs the Store conformance suite on Memory: the same promises
// the IndexedDB store is held to in the browser.

import (
	"testing"

	"github.com/newsannotator/annotator/annotate/workspace"
	"github.com/newsannotator/annotator/annotate/workspace/storetest"
)

func TestMemoryStore(t *testing.T) {
	storetest.Run(t, func(*testing.T) workspace.Store { return workspace.NewMemory() })
}

func TestMemoryStoreDamaged(t *testing.T) {
	storetest.RunDamaged(t, func(*testing.T) (workspace.Store, storetest.Damage) {
		m := workspace.NewMemory()
		return m, storetest.Damage{
			Summary:    func(_ *testing.T, doc string) { m.DamageSummary(doc) },
			Annotation: func(_ *testing.T, doc, id string) { m.DamageAnnotation(doc, id) },
			LeaveBody:  func(_ *testing.T, doc string) { m.LeaveBody(doc) },
		}
	})
}
