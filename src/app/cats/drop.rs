//! What a batch of files picked, dropped or pasted onto tab ③ becomes, decided
//! from the box it went to and the files' names before anything is read: new
//! pictures of a class, the course's HDF5 files, a picture to show as numbers, a
//! picture to ask the model about — or a refusal. The web layer reads and decodes
//! the files and hands the results back to [`super::CatController`].

use crate::app::message::Message;

use super::data::{is_hdf5, CatSet};

/// Where files went (`data-zone` of the box under a drop).
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
    /// Elsewhere on the view.
    View,
}

impl Zone {
    /// The zone a box's `data-zone` names (`input`, `cat`, `other`, `h5`, `predict`);
    /// anything else is the view at large.
    pub fn from_name(name: Option<&str>) -> Zone {
        match name {
            Some("input") => Zone::Input,
            Some("cat") => Zone::Class(true),
            Some("other") => Zone::Class(false),
            Some("h5") => Zone::Hdf5,
            Some("predict") => Zone::Predict,
            _ => Zone::View,
        }
    }
}

/// What to do with a batch of files.
#[derive(Clone, Debug, PartialEq)]
pub enum DropPlan {
    /// Decode each picture and add it with this label (folder names may override
    /// it); HDF5 files among them go to the course's loader.
    AddPictures {
        /// The box's label.
        is_cat: bool,
    },
    /// Offer each file to the course's loader; with `strict`, a file that is not
    /// HDF5 is refused by name, else it is ignored.
    LoadHdf5 {
        /// Whether other files are refused.
        strict: bool,
    },
    /// Show the first picture in the input layer.
    Show,
    /// Ask the model about the first picture.
    Predict,
    /// Nothing is read: the batch is refused as a whole.
    Refuse(Message),
}

/// The plan for the files at `paths` arriving in `zone` (`None` for no files).
/// Pictures for a class are refused at once when they would pass the set's limit.
pub fn plan(zone: Zone, paths: &[String], set: &CatSet) -> Option<DropPlan> {
    if paths.is_empty() {
        return None;
    }
    let hdf5 = |p: &String| is_hdf5(p, &[]);
    Some(match zone {
        Zone::Class(is_cat) => {
            let pictures = paths.iter().filter(|p| !hdf5(p)).count();
            match set.check_room(pictures) {
                Ok(()) => DropPlan::AddPictures { is_cat },
                Err(message) => DropPlan::Refuse(message),
            }
        }
        Zone::Hdf5 => DropPlan::LoadHdf5 { strict: true },
        Zone::Predict => DropPlan::Predict,
        Zone::Input => DropPlan::Show,
        // From the view at large, the course's files are loaded; a picture is shown.
        Zone::View if paths.iter().any(hdf5) => DropPlan::LoadHdf5 { strict: false },
        Zone::View => DropPlan::Show,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(n: &[&str]) -> Vec<String> {
        n.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn each_box_gets_its_plan() {
        let set = CatSet::new();
        let pics = names(&["a.png", "b.jpg"]);
        let h5 = names(&["train_catvnoncat.h5", "x.png"]);
        assert_eq!(plan(Zone::Input, &[], &set), None);
        assert_eq!(
            plan(Zone::Class(true), &pics, &set),
            Some(DropPlan::AddPictures { is_cat: true })
        );
        assert_eq!(
            plan(Zone::Hdf5, &pics, &set),
            Some(DropPlan::LoadHdf5 { strict: true })
        );
        assert_eq!(plan(Zone::View, &pics, &set), Some(DropPlan::Show));
        assert_eq!(
            plan(Zone::View, &h5, &set),
            Some(DropPlan::LoadHdf5 { strict: false })
        );
        assert_eq!(plan(Zone::Predict, &pics, &set), Some(DropPlan::Predict));
        assert_eq!(Zone::from_name(Some("other")), Zone::Class(false));
        assert_eq!(Zone::from_name(None), Zone::View);
    }

    #[test]
    fn too_many_pictures_are_refused_before_reading() {
        let set = CatSet::new();
        let many: Vec<String> = (0..2001).map(|i| format!("{i}.png")).collect();
        let Some(DropPlan::Refuse(message)) = plan(Zone::Class(false), &many, &set) else {
            panic!("expected a refusal");
        };
        assert_eq!(message.code, "too-many-files");
        // HDF5 files do not count as pictures.
        let mut h5 = many.clone();
        h5.truncate(2000);
        h5.push("test.h5".into());
        assert!(matches!(
            plan(Zone::Class(false), &h5, &set),
            Some(DropPlan::AddPictures { is_cat: false })
        ));
    }
}
