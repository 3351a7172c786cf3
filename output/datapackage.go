package output

import (
	"fmt"
	"io"
	"path/filepath"

	"github.com/begroot/begroot/atomicfile"
	"github.com/begroot/begroot/normalize"
)

// A dataPackage is datapackage.json: a Frictionless Tabular Data Package
// describing every file of the flattened tables with its field types, so
// that pandas, R (frictionless) or DuckDB read taakveld 0.10 as the text
// "0.10" and amounts as integers. Fields carry the Fiscal Data Package
// columnType where one fits; amounts carry their currency.
type dataPackage struct {
	Profile     string     `json:"profile"`
	Name        string     `json:"name"`
	Title       string     `json:"title"`
	Description string     `json:"description"`
	Resources   []resource `json:"resources"`
}

type resource struct {
	Name        string       `json:"name"`
	Path        string       `json:"path"`
	Profile     string       `json:"profile,omitempty"`
	Format      string       `json:"format"`
	Mediatype   string       `json:"mediatype"`
	Encoding    string       `json:"encoding,omitempty"`
	Description string       `json:"description"`
	Dialect     *csvDialect  `json:"dialect,omitempty"`
	Schema      resourceType `json:"schema"`
}

// csvDialect is a CSV Dialect as Frictionless describes it.
type csvDialect struct {
	Delimiter   string `json:"delimiter"`
	DoubleQuote bool   `json:"doubleQuote"`
	Header      bool   `json:"header"`
}

type resourceType struct {
	Fields        []schemaField `json:"fields"`
	MissingValues []string      `json:"missingValues"`
}

type schemaField struct {
	Name        string `json:"name"`
	Type        string `json:"type"`
	Description string `json:"description,omitempty"`
	DecimalChar string `json:"decimalChar,omitempty"`
	// ColumnType is the Fiscal Data Package column type: value, phase,
	// direction, date:fiscal-year, administrative-classification.
	ColumnType string `json:"columnType,omitempty"`
	Currency   string `json:"currency,omitempty"`
	// Values maps a field's values to the Fiscal Data Package's: a
	// column_kind to its phase, a row_kind to its direction.
	Values map[string]string `json:"values,omitempty"`
}

// fiscalPhases maps column kinds to Fiscal Data Package phases.
var fiscalPhases = map[string]string{
	normalize.ColRealisatie:         "executed",
	normalize.ColBegrotingPrimitief: "approved",
	normalize.ColBegrotingWijziging: "adjusted",
	normalize.ColBegroting:          "approved",
	normalize.ColRaming:             "proposed",
}

// fiscalDirections maps row kinds to Fiscal Data Package directions.
var fiscalDirections = map[string]string{
	normalize.RowBaten:       "revenue",
	normalize.RowLasten:      "expenditure",
	normalize.RowToevoeging:  "expenditure",
	normalize.RowOnttrekking: "revenue",
}

// fiscalColumnTypes are the Fiscal Data Package column types of the
// fields that have one, by field name.
var fiscalColumnTypes = map[string]string{
	"gemeente":    "administrative-classification:generic:label",
	"cbs_code":    "administrative-classification:generic:code",
	"year":        "date:fiscal-year",
	"column_year": "date:fiscal-year",
	"column_kind": "phase",
	"row_kind":    "direction",
}

// resourceFormat is how a resource's files are written.
type resourceFormat struct {
	ext, format, mediatype, encoding string
	dialect                          *csvDialect
	decimalChar                      string
}

func csvResources(d CSVDialect) resourceFormat {
	r := resourceFormat{ext: ".csv", format: "csv", mediatype: "text/csv", encoding: "utf-8",
		dialect: &csvDialect{Delimiter: string(d.Comma), DoubleQuote: true, Header: true}}
	if d.BOM {
		r.encoding = "utf-8-sig"
	}
	if d.DecimalComma {
		r.decimalChar = ","
	}
	return r
}

var parquetResources = resourceFormat{ext: ".parquet", format: "parquet", mediatype: "application/vnd.apache.parquet"}

// newDataPackage describes the tables of a dataset of docs documents and
// errs errors made by generator, written in format f.
func newDataPackage(generator string, docs, errs int, f resourceFormat) dataPackage {
	p := dataPackage{
		Profile: "tabular-data-package",
		Name:    "begroot-dataset",
		Title:   "Gegevens uit planning- en controldocumenten van gemeenten",
		Description: fmt.Sprintf("Gemaakt met %s uit %d documenten (%d konden niet verwerkt worden). Bedragen in hele euro's.",
			generator, docs, errs),
	}
	for _, t := range tables {
		r := resource{
			Name: t.file, Path: t.file + f.ext, Format: f.format, Mediatype: f.mediatype,
			Encoding: f.encoding, Dialect: f.dialect, Description: t.about,
			Schema: resourceType{MissingValues: []string{""}},
		}
		if f.format == "csv" {
			r.Profile = "tabular-data-resource"
		}
		for _, fl := range t.fields {
			sf := schemaField{Name: fl.name, Type: string(fl.typ), Description: fl.about, ColumnType: fiscalColumnTypes[fl.name]}
			if fl.typ == typeNumber {
				sf.DecimalChar = f.decimalChar
			}
			if fl.format == euros {
				sf.ColumnType, sf.Currency = "value", "EUR"
			}
			switch sf.ColumnType {
			case "phase":
				sf.Values = fiscalPhases
			case "direction":
				sf.Values = fiscalDirections
			}
			r.Schema.Fields = append(r.Schema.Fields, sf)
		}
		p.Resources = append(p.Resources, r)
	}
	return p
}

// writeDataPackage writes dir/datapackage.json for the tables of d.
func (d *dataset) writeDataPackage(dir string, f resourceFormat) error {
	return atomicfile.Write(filepath.Join(dir, "datapackage.json"), func(w io.Writer) error {
		return WriteJSON(w, newDataPackage(d.generator, len(d.docs), len(d.errs), f))
	})
}
