package app

import "testing"

// TestImportProgressKeepsStopping: after Cancel, the import's progress
// says it is stopping until it has stopped, while its counts go on; it
// said "adding them to the library" again at the next step.
func TestImportProgressKeepsStopping(t *testing.T) {
	p := &importProgress{Total: 4, What: "reading the files"}
	p.advance(1, 300)
	if p.What != "adding them to the library" || p.Done != 1 || p.Total != 300 {
		t.Fatalf("after a step: %+v", p)
	}
	p.What = "stopping" // what importer.cancel sets
	p.advance(2, 300)
	if p.What != "stopping" || p.Done != 2 || p.said() != "Stopping the import." {
		t.Errorf("a step after Cancel: %+v, said %q; want it stopping, at 2", p, p.said())
	}
}

// TestImportProgressCountsTheFilesRead: while the files are read, the
// progress counts each one read; once the import has begun, or stops, a
// late read does not move it.
func TestImportProgressCountsTheFilesRead(t *testing.T) {
	p := &importProgress{Total: 4, What: "reading the files"}
	p.fileRead(3)
	p.fileRead(2)
	if p.Done != 2 {
		t.Errorf("two of four files read: Done is %d", p.Done)
	}
	p.advance(0, 300)
	p.fileRead(0)
	if p.Done != 0 || p.Total != 300 {
		t.Errorf("a read after the import began moved it: %+v", p)
	}
}
