package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

func TestWrite(t *testing.T) {
	boom := errors.New("boom")
	writeString := func(s string, err error) func(io.Writer) error {
		return func(w io.Writer) error {
			if _, werr := io.WriteString(w, s); werr != nil {
				return werr
			}
			return err
		}
	}
	for _, tc := range []struct {
		name    string
		old     string // content before; "" for no file
		write   func(io.Writer) error
		err     error
		content string
	}{
		{name: "new file in a new folder", write: writeString("one", nil), content: "one"},
		{name: "replaces", old: "one", write: writeString("two", nil), content: "two"},
		{name: "failure keeps the old file", old: "one", write: writeString("half", boom), err: boom, content: "one"},
		{name: "failure leaves no file", write: writeString("half", boom), err: boom},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "sub")
			path := filepath.Join(dir, "a.json")
			if tc.old != "" {
				os.MkdirAll(dir, 0o755)
				if err := os.WriteFile(path, []byte(tc.old), 0o600); err != nil {
					t.Fatal(err)
				}
			}
			if err := Write(path, tc.write); !errors.Is(err, tc.err) {
				t.Fatalf("Write: got error %v, want %v", err, tc.err)
			}
			got, err := os.ReadFile(path)
			if tc.content == "" {
				if !errors.Is(err, os.ErrNotExist) {
					t.Errorf("file exists after a failed first write: %q %v", got, err)
				}
			} else if string(got) != tc.content {
				t.Errorf("file holds %q, want %q", got, tc.content)
			}
			entries, _ := os.ReadDir(dir)
			if len(entries) > 1 || tc.content == "" && len(entries) > 0 {
				t.Errorf("temporary files left behind: %v", entries)
			}
			if st, err := os.Stat(path); tc.err == nil && err == nil && st.Mode().Perm() != perm {
				t.Errorf("mode %v, want %v", st.Mode().Perm(), os.FileMode(perm))
			}
		})
	}
}
