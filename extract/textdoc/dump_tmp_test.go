package textdoc

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/begroot/begroot/extract"
)

func TestDumpTmp(t *testing.T) {
	files, _ := filepath.Glob("/work/shared/seeds/" + os.Getenv("SEED") + "*.txt")
	for _, f := range files {
		fh, _ := os.Open(f)
		doc, err := Parse(fh, extract.Source{Path: f})
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("=====", f)
		for _, b := range doc.Blocks {
			switch b.Kind {
			case extract.TableBlock:
				fmt.Printf("TABLE caption=%q\n", b.Table.Caption)
				for _, r := range b.Table.Rows {
					var s []string
					for _, c := range r {
						s = append(s, c.Text)
					}
					fmt.Printf("   | %s\n", strings.Join(s, " | "))
				}
			case extract.List:
				fmt.Printf("LIST\n")
				for _, it := range b.Items {
					fmt.Printf("   * %.100q\n", it.Text)
				}
			default:
				fmt.Printf("%s: %.90s\n", b.Kind, b.Text)
			}
		}
	}
}
