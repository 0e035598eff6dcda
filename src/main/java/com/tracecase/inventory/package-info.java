/**
 * Stock on hand for repairs and replacements, and reservations of it for failure cases.
 */
package com.tracecase.inventory;
