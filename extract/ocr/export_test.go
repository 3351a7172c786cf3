package ocr

// Test helpers for the tests in package ocr_test, which run the pipeline
// (package pipeline imports this one).
var (
	TablePDF  = tablePDF
	ScanOf    = scanOf
	Overzicht = overzicht
)
