package com.tracecase.genealogy;

/**
 * What tells two lots apart: of the products containing either, how many hold only one of
 * them.
 *
 * @param lotCode the first lot
 * @param otherLotCode the second lot
 * @param productsWithOnlyLot products holding the first but not the second
 * @param productsWithOnlyOther products holding the second but not the first
 */
public record LotsApart(String lotCode, String otherLotCode, long productsWithOnlyLot, long productsWithOnlyOther) {
}
