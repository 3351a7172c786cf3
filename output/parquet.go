package output

import (
	"fmt"
	"io"
	"iter"
	"path/filepath"
	"reflect"

	"github.com/begroot/begroot/atomicfile"
	"github.com/parquet-go/parquet-go"
)

// parquetTypes are the Go types of Parquet columns, by field type: every
// column is optional (a pointer), since every field can be empty.
var parquetTypes = map[fieldType]reflect.Type{
	typeString:  reflect.TypeFor[*string](),
	typeInteger: reflect.TypeFor[*int64](),
	typeNumber:  reflect.TypeFor[*float64](),
	typeBoolean: reflect.TypeFor[*bool](),
}

// writeParquet writes one Parquet file per table into dir, with the same
// tables, column names and order as the CSV files: documents.parquet,
// financial.parquet and so on, each through atomicfile.Write, and
// datapackage.json. Text is a UTF-8 string column (taakveld 0.10 stays
// "0.10"), amounts and years are int64, values float64, ok boolean; empty
// cells are null.
func (d *dataset) writeParquet(dir string) error {
	for _, t := range tables {
		path := filepath.Join(dir, t.file+".parquet")
		if err := atomicfile.Write(path, func(w io.Writer) error { return writeParquet(w, d.rows(t), t) }); err != nil {
			return err
		}
	}
	return d.writeDataPackage(dir, parquetResources)
}

// parquetRow is the Go struct type of one row of t: one optional field per
// column, named by the parquet tag, in the table's order.
func parquetRow(t table) reflect.Type {
	fields := make([]reflect.StructField, len(t.fields))
	for i, f := range t.fields {
		fields[i] = reflect.StructField{
			Name: fmt.Sprintf("F%d", i),
			Type: parquetTypes[f.typ],
			Tag:  reflect.StructTag(fmt.Sprintf(`parquet:"%s,optional"`, f.name)),
		}
	}
	return reflect.StructOf(fields)
}

// writeParquet writes rows, the rows of table t, as one Parquet file.
func writeParquet(w io.Writer, rows iter.Seq2[[]any, error], t table) error {
	typ := parquetRow(t)
	row := reflect.New(typ)
	pw := parquet.NewWriter(w, parquet.SchemaOf(row.Interface()), parquet.Compression(&parquet.Zstd))
	for values, err := range rows {
		if err != nil {
			return err
		}
		for i, v := range values {
			field := row.Elem().Field(i)
			field.SetZero()
			if p := parquetValue(v, t.fields[i].typ); p != nil {
				field.Set(reflect.ValueOf(p))
			}
		}
		if err := pw.Write(row.Interface()); err != nil {
			return fmt.Errorf("%s: %w", t.file, err)
		}
	}
	return pw.Close()
}

// parquetValue is v as a pointer of the column's type, or nil for an empty
// cell.
func parquetValue(v any, typ fieldType) any {
	switch v := sheetCell(v).(type) {
	case string:
		return &v
	case int:
		n := int64(v)
		if typ == typeNumber {
			f := float64(n)
			return &f
		}
		return &n
	case int64:
		return &v
	case float64:
		return &v
	case bool:
		return &v
	}
	return nil
}
