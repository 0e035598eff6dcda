package com.tracecase.quality;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A supplier of component lots, by the name its lots carry, with the contact who receives
 * corrective action requests.
 */
@Entity
@Table(name = "supplier")
public class Supplier {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(nullable = false)
	private String name;

	private String contactName;

	private String contactEmail;

	@Column(nullable = false)
	private String updatedBy;

	@Column(nullable = false)
	private Instant updatedAt;

	@Version
	private long version;

	protected Supplier() {
	}

	Supplier(String name, String updatedBy, Instant at) {
		this.name = name;
		this.updatedBy = updatedBy;
		this.updatedAt = at;
	}

	void update(SupplierContact contact, String by, Instant at) {
		this.name = contact.name();
		this.contactName = contact.contactName();
		this.contactEmail = contact.contactEmail();
		this.updatedBy = by;
		this.updatedAt = at;
	}

	public Long getId() {
		return id;
	}

	public String getName() {
		return name;
	}

	/**
	 * @return the contact person, may be {@literal null}
	 */
	public String getContactName() {
		return contactName;
	}

	/**
	 * @return where corrective action requests go, {@literal null} while unknown
	 */
	public String getContactEmail() {
		return contactEmail;
	}

	/**
	 * @return whether corrective action requests can be mailed
	 */
	public boolean hasContact() {
		return contactEmail != null && !contactEmail.isBlank();
	}

	public String getUpdatedBy() {
		return updatedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}

}
