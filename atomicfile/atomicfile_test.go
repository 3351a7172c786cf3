package atomicfile

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"
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

// TestPrune: files older than the maximum age and temporary files older
// than TempMaxAge go; touched files, young temporary files (a write in
// progress) and folders stay.
func TestPrune(t *testing.T) {
	const maxAge = 24 * time.Hour
	now := time.Now()
	for _, tc := range []struct {
		name string
		age  time.Duration
		dir  bool
		gone bool
	}{
		{name: "entry.json", age: time.Hour},
		{name: "old.json", age: maxAge + time.Hour, gone: true},
		{name: "touched.json", age: maxAge + time.Hour},
		{name: ".entry.json.tmp1", age: time.Minute},
		{name: ".entry.json.tmp2", age: TempMaxAge + time.Minute, gone: true},
		{name: "sub", age: maxAge + time.Hour, dir: true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, tc.name)
			var err error
			if tc.dir {
				err = os.Mkdir(path, 0o755)
			} else {
				err = os.WriteFile(path, nil, 0o644)
			}
			if err != nil {
				t.Fatal(err)
			}
			then := now.Add(-tc.age)
			os.Chtimes(path, then, then)
			if tc.name == "touched.json" {
				Touch(path)
			}
			want := 0
			if tc.gone {
				want = 1
			}
			if n := Prune(dir, maxAge, now.Add(time.Second)); n != want {
				t.Errorf("Prune removed %d files, want %d", n, want)
			}
			if _, err := os.Stat(path); os.IsNotExist(err) != tc.gone {
				t.Errorf("%s: removed %t, want %t", tc.name, os.IsNotExist(err), tc.gone)
			}
		})
	}
	if n := Prune(filepath.Join(t.TempDir(), "missing"), maxAge, now); n != 0 {
		t.Errorf("Prune of a missing folder removed %d files", n)
	}
}
