package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// bareApp is the smallest go-app app, the browser benchmark's yardstick.
const bareApp = "../../wasm/e2e/testdata/bareapp"

// TestSizeMapOfBareApp builds the bare go-app app and checks the map of
// it: every byte in one row, the total that of the shipped -s -w build,
// almost every function and data symbol given to a package, go-app's
// module among the rows, and the table written.
func TestSizeMapOfBareApp(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a go-app app for the browser")
	}
	m, err := measure(bareApp)
	if err != nil {
		t.Fatal(err)
	}
	shipped := filepath.Join(t.TempDir(), "app.wasm")
	cmd := exec.Command("go", "build", "-trimpath", "-ldflags=-s -w", "-o", shipped, bareApp)
	cmd.Env = goEnv()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	st, err := os.Stat(shipped)
	if err != nil {
		t.Fatal(err)
	}
	if d := m.Total - int(st.Size()); d < -16 || d > 16 {
		t.Errorf("the map's total is %d bytes, the -s -w build %d", m.Total, st.Size())
	}
	sum := 0
	rows := map[string]*row{}
	for _, r := range m.Rows {
		sum += r.Total()
		rows[r.Name] = r
	}
	if sum != m.Total {
		t.Errorf("the rows add up to %d bytes, the binary has %d", sum, m.Total)
	}
	if r := rows["github.com/maxence-charriere/go-app/v10"]; r == nil || r.Code < 100_000 || r.Data < 10_000 {
		t.Errorf("go-app's row is %+v, want over 100 kB of code and 10 kB of data", r)
	}
	if r := rows["runtime"]; r == nil || r.Code < 100_000 {
		t.Errorf("the runtime's row is %+v, want over 100 kB of code", r)
	}
	if r := rows[rowLinkerData]; r == nil || r.Data <= 0 || r.Data >= m.DataSection {
		t.Errorf("the linker-made data is %+v: want a part of the data section (%d bytes), more than none", r, m.DataSection)
	}
	if r := rows[rowNoPackage]; r != nil && r.Total() > m.Total/100 {
		t.Errorf("%d bytes (code %d, data %d) went to no package: more than 1%% of the binary", r.Total(), r.Code, r.Data)
	}

	m.foldStd(0.005)
	m.sortRows()
	var out bytes.Buffer
	m.writeMarkdown(&out, bareApp, m.compressedCode(5), 5)
	table := out.String()
	for _, want := range []string{"| 1 | ", "`github.com/maxence-charriere/go-app/v10`", "**total**", "std: "} {
		if !strings.Contains(table, want) {
			t.Errorf("the table lacks %q:\n%s", want, table)
		}
	}
}
