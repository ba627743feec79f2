package cli

import (
	"os"
	"strings"
	"testing"
)

// TestReadmeCommandTable holds the README's table of commands to what
// GitHub renders as a table: a GFM table is the run of '|' lines that
// starts at a header and its delimiter row and ends at the first line
// that is not a row (a blank line included). Rows after a blank line are
// no table: they show as one paragraph of pipes and backticks.
func TestReadmeCommandTable(t *testing.T) {
	data, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(data), "\n")
	start := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "## Command line") {
			start = i
			break
		}
	}
	if start < 0 {
		t.Fatal("no ## Command line section")
	}
	// The first table of the section: header, delimiter, then its rows.
	rows := map[string]bool{}
	for i := start; i+1 < len(lines); i++ {
		if strings.HasPrefix(lines[i], "|") && strings.HasPrefix(lines[i+1], "| ---") {
			for j := i + 2; j < len(lines) && strings.HasPrefix(lines[j], "|"); j++ {
				cell := strings.TrimSpace(strings.Split(lines[j], "|")[1])
				rows[strings.Fields(strings.Trim(cell, "`"))[0]] = true
			}
			break
		}
	}
	for _, cmd := range []string{"serve", "build", "load", "validate", "convert", "stats", "agree", "merge"} {
		if !rows[cmd] {
			t.Errorf("README's command table (as GitHub renders it) has no row for %q", cmd)
		}
	}
}
