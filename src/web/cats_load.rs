//! File tasks of the cat lab: what a picked, dropped or pasted batch of files
//! becomes, depending on the box it went to. Each runs asynchronously (reading
//! and decoding never block the page) and hands its result to the controller;
//! every refused file gets one line naming it.

use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use crate::app::cats::{is_hdf5, label_from_path, Origin, Problem};
use crate::engine::cats::Sample;

use super::cats::{update, CatPage, Shared};
use super::cats_files::{bytes_of, decode, Dropped, Picked};

/// Where files went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Zone {
    /// The input-layer card: the first picture is shown as numbers.
    Input,
    /// The "cat" (`true`) or "not cat" (`false`) box: pictures join the data set.
    Class(bool),
    /// The course's files.
    Hdf5,
    /// The predict box: p(cat) of the first picture.
    Predict,
    /// Elsewhere on the view: HDF5 files are loaded, a picture is shown as numbers.
    View,
}

/// The zone of the element under a drop: `data-zone` of the nearest box, else the view.
pub fn zone_of(e: &Event) -> Zone {
    let zone = e
        .target()
        .and_then(|t| t.dyn_into::<Element>().ok())
        .and_then(|el| el.closest("[data-zone]").ok().flatten())
        .and_then(|el| el.get_attribute("data-zone"));
    match zone.as_deref() {
        Some("input") => Zone::Input,
        Some("cat") => Zone::Class(true),
        Some("other") => Zone::Class(false),
        Some("h5") => Zone::Hdf5,
        Some("predict") => Zone::Predict,
        _ => Zone::View,
    }
}

/// Marks the box under a drag (`data-over`), so it lights up.
pub fn mark_over(e: &Event, over: bool) {
    let target = e.target().and_then(|t| t.dyn_into::<Element>().ok());
    if let Some(zone) = target.and_then(|el| el.closest(".cats-zone").ok().flatten()) {
        let _ = zone.set_attribute("data-over", if over { "true" } else { "false" });
    }
}

/// Starts the task for `files` dropped or picked in `zone`.
pub fn route(page: &mut CatPage, shared: &Shared, zone: Zone, files: Vec<Picked>) {
    if files.is_empty() {
        return;
    }
    if let Zone::Class(_) = zone {
        let pictures = files.iter().filter(|f| !is_hdf5(&f.path, &[])).count();
        if let Err(problem) = page.cats.set().check_room(pictures) {
            page.cats.refuse(vec![problem]);
            return;
        }
    }
    page.reading += files.len();
    let shared = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let count = files.len();
        match zone {
            Zone::Class(is_cat) => add_pictures(&shared, files, is_cat).await,
            Zone::Hdf5 => load_hdf5(&shared, files, true).await,
            Zone::Predict => predict(&shared, files).await,
            Zone::Input | Zone::View => show_first(&shared, files, zone == Zone::View).await,
        }
        update(&shared, |p| p.reading = p.reading.saturating_sub(count));
    });
}

/// A drop: folders are walked first, then the files go where [`route`] sends them.
pub fn route_dropped(page: &mut CatPage, shared: &Shared, zone: Zone, dropped: Dropped) {
    page.reading += 1;
    let task_page = shared.clone();
    wasm_bindgen_futures::spawn_local(async move {
        let files = dropped.files().await;
        update(&task_page, |p| {
            p.reading = p.reading.saturating_sub(1);
            route(p, &task_page, zone, files);
        });
    });
}

/// The file's bytes, or image-corrupt naming it when the browser cannot read it.
async fn read(file: &Picked) -> Result<Vec<u8>, Problem> {
    bytes_of(&file.file).await.map_err(|_| Problem {
        key: "err.cats.image-corrupt".into(),
        args: vec![("file", file.path.clone())],
    })
}

/// Decodes every picture (HDF5 files among them go to the course's loader); labels
/// come from folder names, else from the box.
async fn add_pictures(page: &Shared, files: Vec<Picked>, is_cat: bool) {
    let (mut accepted, mut refused, mut hdf5) = (Vec::new(), Vec::new(), Vec::new());
    for file in files {
        let bytes = match read(&file).await {
            Ok(bytes) => bytes,
            Err(problem) => {
                refused.push(problem);
                continue;
            }
        };
        if is_hdf5(&file.path, &bytes) {
            hdf5.push((file.path, bytes));
            continue;
        }
        match decode(&bytes, &file.path, false).await {
            Ok(decoded) => accepted.push(Sample {
                picture: decoded.picture,
                is_cat: label_from_path(&file.path, is_cat),
                name: file.path,
            }),
            Err(problem) => refused.push(problem),
        }
    }
    update(page, |p| {
        let mut problems = offer_all(p, hdf5);
        problems.extend(refused);
        p.cats.add_pictures(accepted, problems);
    });
}

/// Offers each file to the course's loader; a file that is not HDF5 is refused by name
/// (`strict`) or, from the view at large, ignored.
async fn load_hdf5(page: &Shared, files: Vec<Picked>, strict: bool) {
    let mut refused = Vec::new();
    let mut offers = Vec::new();
    for file in files {
        match read(&file).await {
            Ok(bytes) if is_hdf5(&file.path, &bytes) => offers.push((file.path, bytes)),
            Ok(_) if strict => refused.push(Problem {
                key: "err.cats.not-hdf5".into(),
                args: vec![("file", file.path)],
            }),
            Ok(_) => {}
            Err(problem) => refused.push(problem),
        }
    }
    update(page, |p| {
        let offered = !offers.is_empty();
        let mut problems = offer_all(p, offers);
        if offered || !refused.is_empty() {
            problems.extend(refused);
            p.cats.refuse(problems);
        }
    });
}

/// Offers HDF5 files one by one; returns the problems they raised (each offer
/// replaces the shown messages, so they are collected as they come).
fn offer_all(page: &mut CatPage, files: Vec<(String, Vec<u8>)>) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (name, bytes) in files {
        page.cats.offer_hdf5(&name, bytes);
        problems.extend(page.cats.problems().iter().cloned());
    }
    problems
}

/// Shows the first picture in the input layer; from the view at large, HDF5 files
/// among the batch are loaded instead.
async fn show_first(page: &Shared, files: Vec<Picked>, from_view: bool) {
    if from_view && files.iter().any(|f| is_hdf5(&f.path, &[])) {
        return load_hdf5(page, files, false).await;
    }
    let Some(file) = files.into_iter().next() else {
        return;
    };
    let decoded = match read(&file).await {
        Ok(bytes) => decode(&bytes, &file.path, true).await,
        Err(problem) => Err(problem),
    };
    update(page, |p| match decoded {
        Ok(d) => {
            let origin = Origin {
                name: file.path,
                width: d.width,
                height: d.height,
            };
            p.cats.show_picture(d.picture, origin);
            p.preview = d.preview;
            p.cats.refuse(Vec::new());
        }
        Err(problem) => p.cats.refuse(vec![problem]),
    });
}

/// p(cat) of the first picture with the trained model.
async fn predict(page: &Shared, files: Vec<Picked>) {
    let Some(file) = files.into_iter().next() else {
        return;
    };
    let decoded = match read(&file).await {
        Ok(bytes) => decode(&bytes, &file.path, false).await,
        Err(problem) => Err(problem),
    };
    update(page, |p| match decoded {
        Ok(d) => {
            if p.cats.predict(d.picture, &file.path).is_some() {
                p.cats.refuse(Vec::new());
            } else {
                p.cats.refuse(vec![Problem {
                    key: "cats.note.no-model".into(),
                    args: vec![("file", file.path)],
                }]);
            }
        }
        Err(problem) => p.cats.refuse(vec![problem]),
    });
}
