package com.tracecase.notification;

import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

@Service
public class Notifications {

	public void enqueue(MailTemplate template, List<Recipient> to, Map<String, Object> model, String deduplicationKey) {
		throw new UnsupportedOperationException();
	}

}
