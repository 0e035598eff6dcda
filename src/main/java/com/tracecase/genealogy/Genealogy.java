package com.tracecase.genealogy;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

@Service
public class Genealogy {

	public Optional<Device> findDevice(String serialNumber) {
		throw new UnsupportedOperationException();
	}

	public DeviceTrace traceDevice(String serialNumber) {
		throw new UnsupportedOperationException();
	}

	public List<AtRiskLot> atRisk(Collection<String> failedSerialNumbers) {
		throw new UnsupportedOperationException();
	}

	public List<WhereUsedLot> whereUsed(String lotCode, PartKind kindOrNull) {
		throw new UnsupportedOperationException();
	}

	public Optional<Part> findPart(String partNumber) {
		throw new UnsupportedOperationException();
	}

	public List<StockLot> stock(String partNumber, LotStatus status) {
		throw new UnsupportedOperationException();
	}

	public List<LotFile> files(String lotCode) {
		throw new UnsupportedOperationException();
	}

	public List<ServiceEvent> serviceHistory(String serialNumber) {
		throw new UnsupportedOperationException();
	}

}
