package com.tracecase.casework;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.tracecase.quality.Investigation;
import com.tracecase.quality.QualityManagement;
import com.tracecase.shared.Groups;
import com.tracecase.shared.InvalidInputException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Segregation of duties on a case: who may complete the steps that check someone else's
 * work. QC's review is quality control's (or an administrator's) judgement; managers who
 * get an overdue review hand it to a QC engineer rather than complete it. A warranty cost
 * is approved by finance (or an administrator), and never by the person who filed the
 * report or confirmed the failure the cost comes from. Managers decide escalations,
 * rejected costs and field actions, the steps given to them.
 * <p>
 * A step completed by Tracecase itself (no person signed in) is not checked.
 */
@Service
public class Duties {

	private static final List<String> REVIEWERS = List.of(Groups.QC, Groups.ADMINS);

	private static final List<String> APPROVERS = List.of(Groups.FINANCE, Groups.ADMINS);

	private final CaseManagement cases;

	private final QualityManagement quality;

	Duties(CaseManagement cases, QualityManagement quality) {
		this.cases = cases;
		this.quality = quality;
	}

	/**
	 * Checks that the person may complete QC's review.
	 * @param user the person completing it, {@literal null} for Tracecase itself
	 * @param groups the person's groups, must not be {@literal null} when a user is given
	 * @throws InvalidInputException when the person is in neither quality control nor the
	 * administrators
	 */
	public void checkMayReview(String user, Collection<String> groups) {
		if (user != null && groups.stream().noneMatch(REVIEWERS::contains)) {
			throw new InvalidInputException("qcVerdict",
					"Only quality control completes QC's review: assign the task to a QC engineer.");
		}
	}

	/**
	 * Checks that the person may approve or reject the warranty cost of the case.
	 * @param caseNumber the case, must exist
	 * @param user the person completing the approval, {@literal null} for Tracecase
	 * itself
	 * @param groups the person's groups, must not be {@literal null} when a user is given
	 * @throws InvalidInputException when the person is not in finance (or the
	 * administrators), filed the report, or confirmed the failure behind the cost
	 */
	@Transactional(readOnly = true)
	public void checkMayApproveCost(String caseNumber, String user, Collection<String> groups) {
		if (user == null) {
			return;
		}
		if (groups.stream().noneMatch(APPROVERS::contains)) {
			throw new InvalidInputException("financeVerdict",
					"Only finance approves or rejects a warranty cost: assign the task to a finance approver.");
		}
		String reviewer = quality.findInvestigation(caseNumber).map(Investigation::getReviewedBy).orElse(null);
		if (Objects.equals(user, reviewer)) {
			throw new InvalidInputException("financeVerdict",
					"You confirmed the failure behind this cost, so someone else in finance approves it.");
		}
		if (Objects.equals(user, cases.get(caseNumber).getReportedBy())) {
			throw new InvalidInputException("financeVerdict",
					"You filed this report, so someone else in finance approves its cost.");
		}
	}

}
