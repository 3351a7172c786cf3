package ocr

import (
	"errors"
	"fmt"
)

// ErrNotInstalled is wrapped by every error about a missing OCR program or
// language; test for it with errors.Is.
var ErrNotInstalled = errors.New("OCR program not installed")

// MissingError names a program (or tesseract language) that is not
// installed and the packages that provide it.
type MissingError struct {
	Program  string // "tesseract", "pdftoppm", "tesseract language nld"
	Debian   string // Debian/Ubuntu package
	Homebrew string // Homebrew formula
}

func (e *MissingError) Error() string {
	return fmt.Sprintf("%s is not installed: apt-get install %s (Debian/Ubuntu) or brew install %s (macOS)", e.Program, e.Debian, e.Homebrew)
}

// Is makes errors.Is(err, ErrNotInstalled) true.
func (e *MissingError) Is(target error) bool { return target == ErrNotInstalled }

// programs maps each program this package runs to the packages that
// provide it.
var programs = map[string]MissingError{
	"tesseract": {Program: "tesseract", Debian: "tesseract-ocr", Homebrew: "tesseract"},
	"pdftoppm":  {Program: "pdftoppm", Debian: "poppler-utils", Homebrew: "poppler"},
	"pdfinfo":   {Program: "pdfinfo", Debian: "poppler-utils", Homebrew: "poppler"},
	"pdftotext": {Program: "pdftotext", Debian: "poppler-utils", Homebrew: "poppler"},
}

// languagePackage is the package with tesseract's data for a language:
// Debian ships one per language, Homebrew all but English in one formula.
func languagePackage(lang string) *MissingError {
	return &MissingError{Program: "tesseract language " + lang, Debian: "tesseract-ocr-" + lang, Homebrew: "tesseract-lang"}
}
