package com.tracecase.system.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page; Spring Security checks the form against the one identity of users and
 * groups.
 */
@Controller
class SignInController {

	@GetMapping("/login")
	String signIn() {
		return "login";
	}

}
