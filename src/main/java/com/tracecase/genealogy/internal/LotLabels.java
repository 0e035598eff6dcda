package com.tracecase.genealogy.internal;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.tracecase.genealogy.Lot;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Printable lot labels: a QR code with the lot's URL in Tracecase, and the lot code and
 * part number in plain text below it.
 */
@Component
public class LotLabels {

	private static final int TEXT_HEIGHT = 56;

	private final String baseUrl;

	private final int size;

	LotLabels(@Value("${tracecase.base-url}") String baseUrl, GenealogyProperties properties) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.size = properties.labelSize();
	}

	/**
	 * @param lotCode a lot code, must not be {@literal null}
	 * @return the URL the label's QR code encodes, never {@literal null}
	 */
	public String url(String lotCode) {
		return baseUrl + "/lots/" + URLEncoder.encode(lotCode, StandardCharsets.UTF_8).replace("+", "%20");
	}

	/**
	 * @param lot the lot, must not be {@literal null}
	 * @return the label as PNG, never {@literal null}
	 */
	public byte[] png(Lot lot) {
		try {
			BitMatrix matrix = new QRCodeWriter().encode(url(lot.lotCode()), BarcodeFormat.QR_CODE, size, size,
					Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
							EncodeHintType.CHARACTER_SET, "UTF-8"));
			BufferedImage qr = MatrixToImageWriter.toBufferedImage(matrix);
			BufferedImage label = new BufferedImage(size, size + TEXT_HEIGHT, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = label.createGraphics();
			try {
				g.setColor(Color.WHITE);
				g.fillRect(0, 0, label.getWidth(), label.getHeight());
				g.drawImage(qr, 0, 0, null);
				g.setColor(Color.BLACK);
				g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
				g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
				g.drawString(lot.lotCode(), 10, size + 20);
				g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
				g.drawString(lot.partNumber() + (lot.serialNumber() != null ? "  SN " + lot.serialNumber() : ""), 10,
						size + 42);
			}
			finally {
				g.dispose();
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(label, "png", png);
			return png.toByteArray();
		}
		catch (WriterException ex) {
			throw new IllegalStateException("Cannot encode a QR code for lot " + lot.lotCode(), ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
