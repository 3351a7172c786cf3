package pdfdoc

import (
	"fmt"
	"math"
	"regexp"

	"github.com/ledongthuc/pdf"
)

// pageRef is one leaf of the page tree with its inherited attributes.
type pageRef struct {
	v             pdf.Value
	resources     pdf.Value
	ctm           matrix  // user space → displayed page space (crop box origin, /Rotate applied)
	width, height float64 // displayed size in points
}

// A Kids array of references as the library prints it, "[3 0 R 7 0 R]",
// and one of its references.
var (
	kidRefs = regexp.MustCompile(`^\[(\d+ \d+ R ?)*\]$`)
	kidRef  = regexp.MustCompile(`\d+ \d+ R`)
)

// pageTree lists the pages in order. It resolves every node once; the
// library's Reader.Page walks the tree from the root for each page. A tree
// that lists an object twice (a cycle, or a subtree shared to multiply
// one page into millions) is an error: the library has no object
// identity, so the references are read from the printed Kids arrays.
func pageTree(r *pdf.Reader) ([]pageRef, error) {
	var pages []pageRef
	var err error
	seen := map[string]bool{}
	var visit func(node, res, media, crop pdf.Value, rotate int64, depth int)
	visit = func(node, res, media, crop pdf.Value, rotate int64, depth int) {
		if err != nil || depth > maxTreeDepth || len(pages) >= maxPages || node.Kind() != pdf.Dict {
			return
		}
		if v := node.Key("Resources"); !v.IsNull() {
			res = v
		}
		if v := node.Key("MediaBox"); v.Len() == 4 {
			media = v
		}
		if v := node.Key("CropBox"); v.Len() == 4 {
			crop = v
		}
		if v := node.Key("Rotate"); v.Kind() == pdf.Integer {
			rotate = v.Int64()
		}
		kids := node.Key("Kids")
		if node.Key("Type").Name() == "Pages" || kids.Kind() == pdf.Array {
			if list := kids.String(); kidRefs.MatchString(list) {
				// Kids given inline cannot be shared; only references are checked.
				for _, ref := range kidRef.FindAllString(list, -1) {
					if seen[ref] {
						err = fmt.Errorf("damaged PDF: the page tree lists object %s more than once", ref)
						return
					}
					seen[ref] = true
				}
			}
			for i, n := 0, kids.Len(); i < n; i++ {
				visit(kids.Index(i), res, media, crop, rotate, depth+1)
			}
			return
		}
		pages = append(pages, newPageRef(node, res, media, crop, rotate))
	}
	visit(r.Trailer().Key("Root").Key("Pages"), pdf.Value{}, pdf.Value{}, pdf.Value{}, 0, 0)
	return pages, err
}

func newPageRef(v, res, media, crop pdf.Value, rotate int64) pageRef {
	box := rect{0, 0, letterWidthPt, letterHeightPt}
	if media.Len() == 4 {
		box = boxOf(media)
	}
	if crop.Len() == 4 {
		if c := box.intersect(boxOf(crop)); c.x1 > c.x0 && c.y1 > c.y0 {
			box = c
		}
	}
	w, h := box.x1-box.x0, box.y1-box.y0
	if w <= 0 || h <= 0 {
		box, w, h = rect{0, 0, letterWidthPt, letterHeightPt}, letterWidthPt, letterHeightPt
	}
	ctm := identity.translate(-box.x0, -box.y0)
	switch ((rotate%360 + 360) % 360) / 90 {
	case 1:
		ctm = ctm.mul(matrix{0, -1, 1, 0, 0, w})
		w, h = h, w
	case 2:
		ctm = ctm.mul(matrix{-1, 0, 0, -1, w, h})
	case 3:
		ctm = ctm.mul(matrix{0, 1, -1, 0, h, 0})
		w, h = h, w
	}
	return pageRef{v: v, resources: res, ctm: ctm, width: w, height: h}
}

func boxOf(v pdf.Value) rect {
	a, b, c, d := v.Index(0).Float64(), v.Index(1).Float64(), v.Index(2).Float64(), v.Index(3).Float64()
	return rect{math.Min(a, c), math.Min(b, d), math.Max(a, c), math.Max(b, d)}
}
