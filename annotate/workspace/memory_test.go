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
