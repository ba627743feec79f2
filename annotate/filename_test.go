package annotate

import (
	"strings"
	"testing"
)

// TestExportFileNameOnWindows: a title that is one of Windows' reserved
// device names (CON, PRN, AUX, NUL, COM1…9, LPT1…9) gives a file name
// Windows can save. Windows takes "con.annotations.json" for the console
// device, whatever follows the first dot: the download failed, or was
// renamed by the browser unlike what the message line said.
func TestExportFileNameOnWindows(t *testing.T) {
	for _, title := range []string{"CON", "con", "Prn", "AUX!", "NUL", "COM1", "com9", "LPT1", "lpt9", "CON.", " nul ", "COM¹", "CONIN$", "CONOUT$"} {
		name := ExportFileName(title)
		base, _, _ := strings.Cut(name, ".")
		if reservedOnWindows[strings.ToLower(base)] {
			t.Errorf("ExportFileName(%q) = %q: Windows reserves %q", title, name, base)
		}
		if !strings.HasSuffix(name, ".annotations.json") || !strings.HasPrefix(strings.ToLower(name), strings.ToLower(strings.TrimRight(strings.TrimSpace(title), "!.$¹"))) {
			t.Errorf("ExportFileName(%q) = %q: it does not start with the title", title, name)
		}
	}
	for title, want := range map[string]string{
		"Con artists":  "con-artists.annotations.json",
		"COM10":        "com10.annotations.json",
		"Console wars": "console-wars.annotations.json",
	} {
		if got := ExportFileName(title); got != want {
			t.Errorf("ExportFileName(%q) = %q, want %q", title, got, want)
		}
	}
}

// reservedOnWindows are the device names Windows reserves, with or without
// an extension, in lower case.
var reservedOnWindows = map[string]bool{"con": true, "prn": true, "aux": true, "nul": true, "conin$": true, "conout$": true,
	"com1": true, "com2": true, "com3": true, "com4": true, "com5": true, "com6": true, "com7": true, "com8": true, "com9": true,
	"lpt1": true, "lpt2": true, "lpt3": true, "lpt4": true, "lpt5": true, "lpt6": true, "lpt7": true, "lpt8": true, "lpt9": true}
