/**
 * Failure cases: a customer's report about one device, from intake to closing.
 */
package com.tracecase.casework;
