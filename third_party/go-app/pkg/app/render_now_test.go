package app

import (
	"testing"

	"github.com/stretchr/testify/require"
)

// TestContextRenderNow checks the method this copy adds: a component
// flagged for an update is updated, and a deferred function run, when
// RenderNow is called, without waiting for the engine's next frame.
func TestContextRenderNow(t *testing.T) {
	e := newTestEngine()
	require.NoError(t, e.Load(&hello{}))
	c := e.body.body()[0].(Composer)
	ctx := e.nodes.context(e.baseContext(), c)

	deferred := false
	ctx.Defer(func(Context) { deferred = true })
	e.updates.Add(c, 1)
	ctx.RenderNow()

	require.True(t, deferred, "the deferred function did not run")
	for _, updates := range e.updates.pending {
		require.Empty(t, updates, "a component is still waiting for its update")
	}

	// A context that no engine made does nothing.
	Context{}.RenderNow()
}
