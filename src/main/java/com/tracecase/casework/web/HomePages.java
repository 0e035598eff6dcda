package com.tracecase.casework.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import com.tracecase.casework.CaseFilter;
import com.tracecase.casework.CaseManagement;
import com.tracecase.casework.CaseProgress;
import com.tracecase.casework.CaseStatus;
import com.tracecase.genealogy.Device;
import com.tracecase.genealogy.Genealogy;
import com.tracecase.quality.Containment;
import com.tracecase.quality.Recalls;
import com.tracecase.quality.SupplierCorrectiveAction;
import com.tracecase.shared.Groups;
import com.tracecase.shared.NotFoundException;
import com.tracecase.shared.WorkspacePage;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

/**
 * The home page of the signed-in person (their groups' open tasks, cases needing
 * attention, recent cases) and the one search box.
 */
@Controller
@WorkspacePage
class HomePages {

	private static final Pattern CASE_NUMBER = Pattern.compile("FC-\\d{4}-\\d{1,6}", Pattern.CASE_INSENSITIVE);

	private static final int RECENT = 10;

	private static final int ATTENTION = 10;

	private static final int TASKS = 25;

	private final CaseManagement cases;

	private final CaseProgress progress;

	private final Genealogy genealogy;

	HomePages(CaseManagement cases, CaseProgress progress, Genealogy genealogy) {
		this.cases = cases;
		this.progress = progress;
		this.genealogy = genealogy;
	}

	@GetMapping("/")
	String home(Authentication authentication, Model model) {
		List<String> groups = groups(authentication);
		List<String> taskGroups = groups.contains(Groups.ADMINS) || groups.contains(Groups.MANAGERS)
				? Groups.WORK_GROUPS : groups;
		model.addAttribute("groups", groups);
		List<CaseProgress.CaseTask> tasks = progress.openTasksOf(taskGroups, TASKS);
		Map<String, String> pages = new HashMap<>();
		tasks.stream()
			.filter(task -> task.caseNumber() != null)
			.forEach(task -> pages.put(task.task().taskId(), pageOf(task.caseNumber())));
		model.addAttribute("tasks", tasks);
		model.addAttribute("taskPages", pages);
		model.addAttribute("tasklist", CasePages.TASKLIST_TASK);
		model.addAttribute("attention",
				cases.search(CaseFilter.inStatus(CaseStatus.NEEDS_ATTENTION), PageRequest.of(0, ATTENTION)));
		model.addAttribute("recent", cases.search(CaseFilter.any(), PageRequest.of(0, RECENT)).getContent());
		return "casework/home";
	}

	/**
	 * A case number, serial number, build code with sequence, lot code or build code goes
	 * to its page; anything else shows what was searched.
	 */
	@GetMapping("/search")
	String search(@RequestParam(required = false) String q, Model model) {
		String query = q == null ? "" : q.trim();
		model.addAttribute("q", query);
		if (!StringUtils.hasText(query)) {
			return "casework/search";
		}
		if (CASE_NUMBER.matcher(query).matches()) {
			Optional<String> found = caseNumber(query.toUpperCase());
			if (found.isPresent()) {
				return "redirect:/cases/" + path(found.get());
			}
		}
		Optional<Device> device = genealogy.findDevice(query);
		if (device.isPresent()) {
			return "redirect:/devices/" + path(device.get().serialNumber());
		}
		if (genealogy.findLot(query).isPresent()) {
			return "redirect:/lots/" + path(query);
		}
		if (genealogy.findBuild(query).isPresent()) {
			return "redirect:/builds/" + path(query);
		}
		model.addAttribute("cases", cases.search(new CaseFilter(null, query, null, null, null)));
		return "casework/search";
	}

	private Optional<String> caseNumber(String query) {
		try {
			return Optional.of(cases.get(query).getCaseNumber());
		}
		catch (NotFoundException ex) {
			return Optional.empty();
		}
	}

	/**
	 * The page of what a task is about, by its process's business key: a supplier action,
	 * a recall campaign, a lot contained on its own, or a case.
	 */
	static String pageOf(String businessKey) {
		if (businessKey.startsWith(SupplierCorrectiveAction.REFERENCE_PREFIX)) {
			return "/supplier-actions/"
					+ path(businessKey.substring(SupplierCorrectiveAction.REFERENCE_PREFIX.length()));
		}
		if (businessKey.startsWith(Recalls.REFERENCE_PREFIX)) {
			return "/recalls/" + path(businessKey);
		}
		if (businessKey.startsWith(Containment.LOT_REFERENCE_PREFIX)) {
			return "/lots/" + path(businessKey.substring(Containment.LOT_REFERENCE_PREFIX.length()));
		}
		return "/cases/" + path(businessKey);
	}

	private static String path(String segment) {
		return UriUtils.encodePathSegment(segment, java.nio.charset.StandardCharsets.UTF_8);
	}

	private static List<String> groups(Authentication authentication) {
		return Groups
			.fromAuthorities(authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList());
	}

}
