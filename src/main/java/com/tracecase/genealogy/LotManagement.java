package com.tracecase.genealogy;

import org.springframework.stereotype.Service;

@Service
public class LotManagement {

	public void changeStatus(String lotCode, LotStatus newStatus, String actor, String reason) {
		throw new UnsupportedOperationException();
	}

	public void recordServiceEvent(String serialNumber, String type, String summary, String actor) {
		throw new UnsupportedOperationException();
	}

	public void recordRepair(String serialNumber, String removedLotCode, String installedLotCode, String actor,
			String reason) {
		throw new UnsupportedOperationException();
	}

}
