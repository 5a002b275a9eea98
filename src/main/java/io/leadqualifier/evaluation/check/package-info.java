/** The checks that evaluate leads under a candidate: the scenario workbooks and the sample leads (which also warm a new policy up). Imports {@code evaluation}, {@code policy}, {@code facts}. */
package io.leadqualifier.evaluation.check;
