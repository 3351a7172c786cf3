// Package cbs holds the CBS reference data begroot needs to place a
// document: each gemeente's GM code and name per year 2010–2026 (with the
// herindelingen and the 2024 renames such as "Laren (NH.)"), inhabitants
// per year, the Iv3 totals per gemeente and verslagsoort (begroting
// 2017–2026, jaarrekening 2017–2024) and the Iv3 taakvelden per year.
//
// It serves normalize, which fills a report's cbs_code and compares a
// document's totals with Iv3. The data is embedded (data.tsv), written
// by the program in gen from CBS open data (iv3_data.json.gz, see
// ../shared/corpus/SOURCES.md section 9) with go generate. It is one
// record a line, tab-separated, amounts x € 1.000:
//
//	G  GM0417  Laren        2010  2023     a name valid from one year to another
//	G  GM0417  Laren (NH.)  2024  2026
//	I  GM0629  2024  27100                 inwoners
//	V  GM0629  2024X000  85973  88313  2382  0
//	                                       baten lasten reserve_baten reserve_lasten
//	T  2024  0.1 0.10 0.2 …                taakvelden
package cbs
