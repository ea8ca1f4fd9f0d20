// Package archtest holds the module's layout rules as tests: dependencies
// point down, and only the generate pipeline owns the output folder.
package archtest
