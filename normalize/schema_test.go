package normalize_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/begroot/begroot/extract"
	"github.com/begroot/begroot/extract/htmldoc"
	"github.com/begroot/begroot/extract/pdfdoc"
	"github.com/begroot/begroot/extract/recognize"
	"github.com/begroot/begroot/fixtures"
	"github.com/begroot/begroot/normalize"
	"github.com/begroot/begroot/output"
)

// schemaDir is docs/schema in the module root.
func schemaDir() string { return filepath.Join(fixtures.Dir(), "..", "docs", "schema") }

// schemaFiles are the JSON Schemas of the output, by file name.
var schemaFiles = []string{"report.schema.json", "dataset.schema.json"}

// loadSchemaDoc reads a schema file as a generic JSON value.
func loadSchemaDoc(t *testing.T, name string) map[string]any {
	t.Helper()
	f, err := os.Open(filepath.Join(schemaDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	m, ok := doc.(map[string]any)
	if !ok {
		t.Fatalf("%s: not a JSON object", name)
	}
	return m
}

// compileSchemas compiles the report and dataset schemas. Both are added
// under their $id, so that dataset's relative $ref to report.schema.json
// resolves without network access.
func compileSchemas(t *testing.T) (report, dataset *jsonschema.Schema) {
	t.Helper()
	c := jsonschema.NewCompiler()
	ids := map[string]string{}
	for _, name := range schemaFiles {
		doc := loadSchemaDoc(t, name)
		id, _ := doc["$id"].(string)
		if !strings.HasSuffix(id, "/"+name) {
			t.Fatalf("%s: $id %q does not end in /%s", name, id, name)
		}
		if err := c.AddResource(id, doc); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		ids[name] = id
	}
	var err error
	if report, err = c.Compile(ids["report.schema.json"]); err != nil {
		t.Fatalf("compile report schema: %v", err)
	}
	if dataset, err = c.Compile(ids["dataset.schema.json"]); err != nil {
		t.Fatalf("compile dataset schema: %v", err)
	}
	return report, dataset
}

// validateJSON validates encoded JSON against sch.
func validateJSON(sch *jsonschema.Schema, data []byte) error {
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return err
	}
	return sch.Validate(inst)
}

// mustMarshal encodes v with encoding/json.
func mustMarshal(t *testing.T, v any) []byte {
	t.Helper()
	data, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// writeJSON encodes v as the pipeline writes it to OUT/<stem>.json and
// OUT/dataset.json.
func writeJSON(t *testing.T, v any) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := output.WriteJSON(&buf, v); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func i64(v int64) *int64           { return &v }
func f64(v float64) *float64       { return &v }
func section(s ...string) []string { return s }

// fullReport is a Report with every field of every record set.
func fullReport() normalize.Report {
	return normalize.Report{
		Document: "begroting_2024.pdf",
		Source:   "https://example.org/begroting_2024.pdf",
		URL:      "https://example.org/begroting_2024.pdf",
		SHA256:   strings.Repeat("ab", 32),
		Format:   "pdf",
		Gemeente: "Lingewaard",
		CBSCode:  "GM1705",
		// Organisation excludes Gemeente in reports; set here for the schema.
		Organisation: "GGD Gelderland-Zuid",
		DocType:      "begroting",
		Year:         2024,
		Title:        "Programmabegroting 2024",
		Pages:        212,
		Reconciliation: &normalize.Reconciliation{
			Source: "CBS Iv3", Verslagsoort: "2024X000",
			BatenDocument: 85971000, BatenIv3: 85973000, LastenDocument: 88320000, LastenIv3: 88313000,
			DifferencePct: 0.008, OK: true,
			Table: "Tabel 6.2 - Recapitulatie", Page: 66, URL: "https://example.org/begroting_2024.pdf",
		},
		Financial: []normalize.Financial{{
			Table:      "Overzicht baten en lasten",
			Section:    section("Programma 1 Veiligheid", "Wat mag het kosten?"),
			Group:      "Taakveld 1.1 Crisisbeheersing en brandweer",
			Row:        "Totaal lasten",
			RowKind:    normalize.RowLasten,
			Column:     "Begroting 2024 lasten",
			ColumnKind: normalize.ColBegroting,
			ColumnYear: 2024,
			Value:      i64(33955000),
			Raw:        "33.955",
			Scale:      1000,
			Sign:       `("-" = nadeel / "+" = voordeel)`,
			Verified:   true,
			Checks:     []string{"c1"},
			Page:       41,
			URL:        "https://example.org/begroting_2024.pdf",
			Line:       12,
			OCR:        true,
			Confidence: f64(91.5),
			Repaired:   "133.955 → 33.955",
		}},
		Indicators: []normalize.Indicator{{
			Table:      "Beleidsindicatoren",
			Section:    section("Programma 3 Sociaal domein"),
			Group:      "Jeugd",
			Name:       "Jongeren met jeugdhulp",
			Label:      "Jongeren",
			Column:     "Begroting 2024",
			ColumnYear: 2024,
			Value:      f64(7.1),
			Unit:       "%",
			Source:     "CBS",
			Code:       "12",
			Taakveld:   "6.72",
			Note:       "Vanaf 2018 vindt de registratie plaats",
			Raw:        "7,1%",
			Page:       80,
			URL:        "https://example.org/begroting_2024.pdf",
			Line:       3,
		}},
		Objectives: []normalize.Objective{{
			Code:    "6.1.1",
			Title:   "Stimuleren en faciliteren initiatieven in de samenleving",
			Text:    "Stimuleren en faciliteren initiatieven in de samenleving. Wij ondersteunen inwoners.",
			Kind:    "activiteit",
			Status:  "Gerealiseerd",
			Year:    2024,
			Budget:  i64(1250000),
			Section: section("6. Sociaal domein", "Wat doen we?"),
			Page:    90,
			URL:     "https://example.org/begroting_2024.pdf",
			Line:    7,
		}},
		Checks: []normalize.Check{{
			ID:         "c1",
			Table:      "Overzicht baten en lasten",
			Column:     "Begroting 2024",
			Rule:       normalize.RuleSaldo,
			Expected:   -24474000,
			Found:      -24473000,
			Difference: 1000,
			OK:         true,
			Suspect:    normalize.SuspectDocument, // set on failing checks only; here to exercise the field
			Covers:     []int{1},                  // non-zero to exercise the field
			Page:       41,
			URL:        "https://example.org/begroting_2024.pdf",
			Line:       14,
		}},
		Findings: []normalize.Finding{{
			Kind: normalize.FindingNoTextLayer, Page: 3, LastPage: 4,
			Text: "Tabel 3 (bedragen x € 1.000)", Selector: "main > table", Line: 12,
		}},
		Quality: normalize.Quality{
			Financial: 1, Indicators: 1, Objectives: 1, Verified: 1, VerifiedShare: 1,
			Checks: 1, ChecksFailed: 1, TablesNotExtracted: 1, NoTextPages: 2,
		},
		Warnings: []string{"page 3: no usable text"},
	}
}

// fullDataset is a Dataset with every field set.
func fullDataset() normalize.Dataset {
	return normalize.Dataset{
		Generator: "begroot dev",
		Documents: []normalize.Report{fullReport()},
		Errors:    []normalize.DocError{{Source: "broken.pdf", Error: "broken.pdf: not a PDF"}},
	}
}

// assertAllSet fails when a field of v, or of a struct in a slice or
// behind a pointer in v, is its zero value: the full report must exercise
// every field, so that a field added to the Go structs shows up in its JSON
// and meets the schemas' additionalProperties false.
func assertAllSet(t *testing.T, path string, v reflect.Value) {
	t.Helper()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			t.Errorf("%s is nil: set it in fullReport/fullDataset", path)
			return
		}
		assertAllSet(t, path, v.Elem())
	case reflect.Slice:
		if v.Len() == 0 {
			t.Errorf("%s is empty: set it in fullReport/fullDataset", path)
			return
		}
		for i := range v.Len() {
			assertAllSet(t, fmt.Sprintf("%s[%d]", path, i), v.Index(i))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			assertAllSet(t, path+"."+v.Type().Field(i).Name, v.Field(i))
		}
	default:
		if v.IsZero() {
			t.Errorf("%s is zero: set it in fullReport/fullDataset", path)
		}
	}
}

func TestSchemaFullReport(t *testing.T) {
	report, dataset := compileSchemas(t)
	rep, ds := fullReport(), fullDataset()
	assertAllSet(t, "Report", reflect.ValueOf(rep))
	assertAllSet(t, "Dataset", reflect.ValueOf(ds))

	if err := validateJSON(report, mustMarshal(t, rep)); err != nil {
		t.Errorf("full report (encoding/json): %v", err)
	}
	if err := validateJSON(report, writeJSON(t, &rep)); err != nil {
		t.Errorf("full report (output.WriteJSON): %v", err)
	}
	if err := validateJSON(dataset, mustMarshal(t, ds)); err != nil {
		t.Errorf("full dataset (encoding/json): %v", err)
	}
	if err := validateJSON(dataset, writeJSON(t, &ds)); err != nil {
		t.Errorf("full dataset (output.WriteJSON): %v", err)
	}
	// Null amounts: "-" in a financial table, text as an indicator value.
	rep.Financial[0].Value, rep.Financial[0].Raw = nil, "-"
	rep.Indicators[0].Value, rep.Indicators[0].Raw = nil, "n.v.t."
	if !bytes.Contains(mustMarshal(t, rep), []byte(`"value":null`)) {
		t.Fatal("a nil value does not marshal as null")
	}
	if err := validateJSON(report, mustMarshal(t, rep)); err != nil {
		t.Errorf("report with null values: %v", err)
	}
}

func TestSchemaEmptyReport(t *testing.T) {
	report, dataset := compileSchemas(t)
	// As Normalize builds it: the four record arrays are empty, not nil.
	empty := normalize.Report{
		Document: "leeg.txt", Source: "leeg.txt", SHA256: strings.Repeat("0", 64), Format: "text",
		Financial: []normalize.Financial{}, Indicators: []normalize.Indicator{},
		Objectives: []normalize.Objective{}, Checks: []normalize.Check{},
	}
	if err := validateJSON(report, mustMarshal(t, empty)); err != nil {
		t.Errorf("empty report: %v", err)
	}
	// Normalize of a document in which nothing was found.
	doc := &extract.Document{Source: extract.Source{Path: "leeg.txt", Format: extract.FormatText, SHA256: strings.Repeat("0", 64)}}
	got := normalize.Normalize(doc, recognize.Result{})
	data := writeJSON(t, got)
	for _, key := range []string{"financial", "indicators", "objectives", "checks"} {
		if !bytes.Contains(data, []byte(`"`+key+`": []`)) {
			t.Errorf("Normalize of an empty document: %s is not written as []:\n%s", key, data)
		}
	}
	if err := validateJSON(report, data); err != nil {
		t.Errorf("Normalize of an empty document: %v", err)
	}
	// A run in which no document could be processed leaves Documents nil.
	for _, ds := range []normalize.Dataset{
		{Generator: "begroot dev"},
		{Generator: "begroot dev", Documents: []normalize.Report{}},
		{Generator: "begroot dev", Documents: []normalize.Report{empty}},
	} {
		if err := validateJSON(dataset, writeJSON(t, &ds)); err != nil {
			t.Errorf("dataset with %d documents: %v", len(ds.Documents), err)
		}
	}
}

// TestSchemaRejects makes sure the schemas can fail: each change to a valid
// report or dataset must be rejected.
func TestSchemaRejects(t *testing.T) {
	report, dataset := compileSchemas(t)
	cases := []struct {
		name   string
		schema *jsonschema.Schema
		doc    any
		change func(m map[string]any)
	}{
		{"unknown report field", report, fullReport(), func(m map[string]any) { m["municipality"] = "Lingewaard" }},
		{"unknown financial field", report, fullReport(), func(m map[string]any) { rec(m, "financial")["amount"] = 1 }},
		{"unknown check field", report, fullReport(), func(m map[string]any) { rec(m, "checks")["tolerance"] = 1000 }},
		{"year as string", report, fullReport(), func(m map[string]any) { m["year"] = "2024" }},
		{"financial value as string", report, fullReport(), func(m map[string]any) { rec(m, "financial")["value"] = "33.955" }},
		{"financial value not whole", report, fullReport(), func(m map[string]any) { rec(m, "financial")["value"] = 33955.5 }},
		{"indicator value as string", report, fullReport(), func(m map[string]any) { rec(m, "indicators")["value"] = "7,1" }},
		{"section as string", report, fullReport(), func(m map[string]any) { rec(m, "financial")["section"] = "Programma 1" }},
		{"unknown row_kind", report, fullReport(), func(m map[string]any) { rec(m, "financial")["row_kind"] = "inkomsten" }},
		{"unknown column_kind", report, fullReport(), func(m map[string]any) { rec(m, "financial")["column_kind"] = "prognose" }},
		{"unknown objective kind", report, fullReport(), func(m map[string]any) { rec(m, "objectives")["kind"] = "ambitie" }},
		{"unknown format", report, fullReport(), func(m map[string]any) { m["format"] = "docx" }},
		{"null budget", report, fullReport(), func(m map[string]any) { rec(m, "objectives")["budget"] = nil }},
		{"missing sha256", report, fullReport(), func(m map[string]any) { delete(m, "sha256") }},
		{"missing raw", report, fullReport(), func(m map[string]any) { delete(rec(m, "financial"), "raw") }},
		{"null record array", report, fullReport(), func(m map[string]any) { m["checks"] = nil }},
		{"ok as string", report, fullReport(), func(m map[string]any) { rec(m, "checks")["ok"] = "true" }},
		{"cbs_code not a GM code", report, fullReport(), func(m map[string]any) { m["cbs_code"] = "0629" }},
		{"unknown reconciliation field", report, fullReport(), func(m map[string]any) { m["reconciliation"].(map[string]any)["tolerance"] = 0.5 }},
		{"verslagsoort of another kind", report, fullReport(), func(m map[string]any) { m["reconciliation"].(map[string]any)["verslagsoort"] = "2024X001" }},
		{"negative lasten", report, fullReport(), func(m map[string]any) { m["reconciliation"].(map[string]any)["lasten_document"] = -88320000 }},
		{"unknown suspect", report, fullReport(), func(m map[string]any) { rec(m, "checks")["suspect"] = "reader" }},
		{"check id not cN", report, fullReport(), func(m map[string]any) { rec(m, "checks")["id"] = "12" }},
		{"missing verified", report, fullReport(), func(m map[string]any) { delete(rec(m, "financial"), "verified") }},
		{"unknown finding kind", report, fullReport(), func(m map[string]any) { rec(m, "findings")["kind"] = "ocr" }},
		{"missing quality", report, fullReport(), func(m map[string]any) { delete(m, "quality") }},
		{"verified share above 1", report, fullReport(), func(m map[string]any) { m["quality"].(map[string]any)["verified_share"] = 1.5 }},
		{"unknown dataset field", dataset, fullDataset(), func(m map[string]any) { m["version"] = "dev" }},
		{"bad report in dataset", dataset, fullDataset(), func(m map[string]any) {
			m["documents"].([]any)[0].(map[string]any)["pages"] = "212"
		}},
		{"unknown error field", dataset, fullDataset(), func(m map[string]any) { rec(m, "errors")["code"] = 1 }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var m map[string]any
			if err := json.Unmarshal(mustMarshal(t, c.doc), &m); err != nil {
				t.Fatal(err)
			}
			if err := validateJSON(c.schema, mustMarshal(t, m)); err != nil {
				t.Fatalf("unchanged document is invalid: %v", err)
			}
			c.change(m)
			if err := validateJSON(c.schema, mustMarshal(t, m)); err == nil {
				t.Errorf("schema accepts the document with %s", c.name)
			}
		})
	}
}

// rec is the first record of array key in m.
func rec(m map[string]any, key string) map[string]any {
	return m[key].([]any)[0].(map[string]any)
}

// TestSchemaMatchesStructs compares each object of the schemas with its Go
// struct: the same property names as JSON tags, and required exactly the
// fields without omitempty.
func TestSchemaMatchesStructs(t *testing.T) {
	report, dataset := loadSchemaDoc(t, "report.schema.json"), loadSchemaDoc(t, "dataset.schema.json")
	defs := func(doc map[string]any, name string) map[string]any {
		return doc["$defs"].(map[string]any)[name].(map[string]any)
	}
	for _, c := range []struct {
		name   string
		schema map[string]any
		typ    reflect.Type
	}{
		{"Report", report, reflect.TypeFor[normalize.Report]()},
		{"Financial", defs(report, "financial"), reflect.TypeFor[normalize.Financial]()},
		{"Indicator", defs(report, "indicator"), reflect.TypeFor[normalize.Indicator]()},
		{"Objective", defs(report, "objective"), reflect.TypeFor[normalize.Objective]()},
		{"Check", defs(report, "check"), reflect.TypeFor[normalize.Check]()},
		{"Reconciliation", defs(report, "reconciliation"), reflect.TypeFor[normalize.Reconciliation]()},
		{"Finding", defs(report, "finding"), reflect.TypeFor[normalize.Finding]()},
		{"Quality", defs(report, "quality"), reflect.TypeFor[normalize.Quality]()},
		{"Dataset", dataset, reflect.TypeFor[normalize.Dataset]()},
		{"DocError", defs(dataset, "doc_error"), reflect.TypeFor[normalize.DocError]()},
	} {
		var tags, required []string
		for i := range c.typ.NumField() {
			name, opts, _ := strings.Cut(c.typ.Field(i).Tag.Get("json"), ",")
			tags = append(tags, name)
			if !strings.Contains(opts, "omitempty") {
				required = append(required, name)
			}
		}
		props := slices.Sorted(maps.Keys(c.schema["properties"].(map[string]any)))
		var req []string
		for _, r := range c.schema["required"].([]any) {
			req = append(req, r.(string))
		}
		slices.Sort(tags)
		slices.Sort(required)
		slices.Sort(req)
		if !slices.Equal(props, tags) {
			t.Errorf("%s: schema properties %v, JSON tags %v", c.name, props, tags)
		}
		if !slices.Equal(req, required) {
			t.Errorf("%s: schema requires %v, fields without omitempty %v", c.name, req, required)
		}
		if c.schema["additionalProperties"] != false {
			t.Errorf("%s: additionalProperties is not false", c.name)
		}
	}
	// The vocabularies of schema.go and check.go.
	enum := func(def map[string]any) []string {
		var out []string
		for _, v := range def["enum"].([]any) {
			out = append(out, v.(string))
		}
		return out
	}
	for _, c := range []struct {
		name      string
		got, want []string
	}{
		{"row_kind", enum(defs(report, "row_kind")), []string{
			normalize.RowBaten, normalize.RowLasten, normalize.RowSaldo, normalize.RowToevoeging,
			normalize.RowOnttrekking, normalize.RowReserves, normalize.RowResultaat, normalize.RowOther}},
		{"column_kind", enum(defs(report, "column_kind")), []string{
			normalize.ColRealisatie, normalize.ColBegrotingPrimitief, normalize.ColBegrotingWijziging,
			normalize.ColBegroting, normalize.ColRaming, normalize.ColVerschil, normalize.ColOther}},
		{"rule", enum(defs(report, "check")["properties"].(map[string]any)["rule"].(map[string]any)), []string{
			normalize.RuleSaldo, normalize.RuleResultaat, normalize.RuleTotal, normalize.RuleGroupTotal, normalize.RuleRunning, normalize.RuleIv3}},
		{"suspect", enum(defs(report, "check")["properties"].(map[string]any)["suspect"].(map[string]any)), []string{
			normalize.SuspectDocument, normalize.SuspectExtraction}},
		{"finding kind", enum(defs(report, "finding")["properties"].(map[string]any)["kind"].(map[string]any)), []string{
			normalize.FindingTableNotExtracted, normalize.FindingNoTextLayer}},
		{"objective kind", enum(defs(report, "objective")["properties"].(map[string]any)["kind"].(map[string]any)), []string{
			recognize.KindGoal, recognize.KindActivity}},
		{"format", enum(report["properties"].(map[string]any)["format"].(map[string]any)), []string{
			string(extract.FormatText), string(extract.FormatHTML), string(extract.FormatPDF)}},
	} {
		slices.Sort(c.got)
		slices.Sort(c.want)
		if !slices.Equal(c.got, c.want) {
			t.Errorf("%s enum %v, code %v", c.name, c.got, c.want)
		}
	}
}

// TestSchemaFixtures runs the pipeline (read → recognize → normalize) over
// the project's own fixtures and validates every report as the CLI writes
// it, and the dataset of them all.
func TestSchemaFixtures(t *testing.T) {
	report, dataset := compileSchemas(t)
	files, err := filepath.Glob(fixtures.Path("html/*.html"))
	if err != nil {
		t.Fatal(err)
	}
	files = append(files, fixtures.Path("pdf/tables.pdf"))
	ds := normalize.Dataset{Generator: "begroot test"}
	counts := map[string]int{}
	for _, path := range files {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		sum := sha256.Sum256(data)
		src := extract.Source{Path: path, SHA256: hex.EncodeToString(sum[:]), Size: int64(len(data))}
		var doc *extract.Document
		if filepath.Ext(path) == ".pdf" {
			src.Format = extract.FormatPDF
			doc, err = pdfdoc.Parse(bytes.NewReader(data), int64(len(data)), src)
		} else {
			src.Format = extract.FormatHTML
			doc, err = htmldoc.Parse(bytes.NewReader(data), src)
		}
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		rep := normalize.Normalize(doc, recognize.Find(doc))
		if err := validateJSON(report, writeJSON(t, rep)); err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
		counts["financial"] += len(rep.Financial)
		counts["indicators"] += len(rep.Indicators)
		counts["objectives"] += len(rep.Objectives)
		counts["checks"] += len(rep.Checks)
		ds.Documents = append(ds.Documents, *rep)
	}
	if len(ds.Documents) < 2 {
		t.Fatalf("only %d fixtures found", len(ds.Documents))
	}
	for kind, n := range counts {
		if n == 0 {
			t.Errorf("the fixtures give no %s records: the test validates none", kind)
		}
	}
	ds.Errors = []normalize.DocError{{Source: "broken.pdf", Error: "not a PDF"}}
	if err := validateJSON(dataset, writeJSON(t, &ds)); err != nil {
		t.Errorf("dataset of the fixtures: %v", err)
	}
}
