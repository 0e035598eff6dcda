/**
 * Quality control: investigations of reported failures, containment of suspect lots and
 * supplier corrective actions.
 */
package com.tracecase.quality;
